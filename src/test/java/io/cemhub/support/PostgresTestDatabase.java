package io.cemhub.support;

import org.junit.jupiter.api.Assumptions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.Properties;
import java.util.UUID;

/**
 * A throw-away schema in the PostgreSQL named by CEM_TEST_POSTGRES_URL (user CEM_TEST_POSTGRES_USER,
 * default postgres; password CEM_TEST_POSTGRES_PASSWORD). Without the URL, tests that need it are
 * skipped with a message saying so; .ci/run sets it, so CI runs them.
 */
public final class PostgresTestDatabase implements AutoCloseable {

    public static final String URL_VARIABLE = "CEM_TEST_POSTGRES_URL";

    public final String url;
    public final String user;
    public final String password;
    public final String schema = "cem_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private PostgresTestDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Skips the calling test (visibly, with the reason) when no PostgreSQL is configured. */
    public static PostgresTestDatabase requireConfigured() {
        String url = System.getenv(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            System.err.println("SKIPPED: " + URL_VARIABLE + " is not set, so the PostgreSQL persistence tests do not run");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                URL_VARIABLE + " is not set: PostgreSQL persistence tests skipped (e.g. jdbc:postgresql://127.0.0.1:5432/test)");
        String user = System.getenv().getOrDefault("CEM_TEST_POSTGRES_USER", "postgres");
        String password = System.getenv().getOrDefault("CEM_TEST_POSTGRES_PASSWORD", "");
        return new PostgresTestDatabase(url, user, password);
    }

    /** A URL whose connections work in this test's own schema. */
    public String schemaUrl() {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public DriverManagerDataSource dataSource() {
        DriverManagerDataSource ds = new DriverManagerDataSource(schemaUrl(), user, password);
        Properties props = new Properties();
        ds.setConnectionProperties(props);
        return ds;
    }

    @Override
    public void close() {
        new JdbcTemplate(new DriverManagerDataSource(url, user, password))
                .execute("drop schema if exists " + schema + " cascade");
    }
}
