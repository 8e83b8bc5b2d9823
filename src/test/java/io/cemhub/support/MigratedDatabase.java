package io.cemhub.support;

import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** A migrated database for a persistence test, closed (H2 connection, PostgreSQL schema) after it. */
public final class MigratedDatabase implements AutoCloseable {

    private final DataSource dataSource;
    private final AutoCloseable closer;

    private MigratedDatabase(DataSource dataSource, AutoCloseable closer) {
        this.dataSource = dataSource;
        this.closer = closer;
    }

    /** An H2 file database in {@code dir}, as the hub opens it. */
    public static MigratedDatabase h2(Path dir) {
        SingleConnectionDataSource h2 = TestDatabases.h2(dir);
        return new MigratedDatabase(h2, h2::destroy);
    }

    /** A schema of its own in the configured PostgreSQL; skips the calling test without one. */
    public static MigratedDatabase postgres() {
        PostgresTestDatabase database = TestDatabases.postgres();
        return new MigratedDatabase(database.dataSource(), database::close);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
