package io.cemhub.support;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** Migrated databases for persistence tests that run without a whole hub, on H2 and PostgreSQL alike. */
public final class TestDatabases {

    private TestDatabases() {
    }

    /** Runs the hub's migrations; {@code schema} (PostgreSQL) is created when missing, null means the default. */
    public static void migrate(DataSource dataSource, String schema) {
        migrate(dataSource, schema, null);
    }

    /** Runs the hub's migrations up to version {@code target} (e.g. "16"; null: all), for upgrade tests. */
    public static void migrate(DataSource dataSource, String schema, String target) {
        var flyway = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
        if (target != null) {
            flyway.target(target);
        }
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        flyway.load().migrate();
    }

    /**
     * A migrated H2 file database in {@code dir}, in the mode the hub opens it (config/application.yaml).
     * One open connection, as the hub's pool holds: H2 closes a file database when its last connection
     * closes, and a connection per statement would race that close. The caller destroys it.
     */
    public static SingleConnectionDataSource h2(Path dir) {
        SingleConnectionDataSource dataSource = h2Empty(dir);
        migrate(dataSource, null);
        return dataSource;
    }

    /** The same H2 database, not migrated. */
    public static SingleConnectionDataSource h2Empty(Path dir) {
        return new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("cem")
                + ";DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", true);
    }

    /** A migrated schema of its own in the configured PostgreSQL; skips the calling test without one. */
    public static PostgresTestDatabase postgres() {
        PostgresTestDatabase database = PostgresTestDatabase.requireConfigured();
        migrate(database.dataSource(), database.schema);
        return database;
    }
}
