package io.cemhub.identity;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.AfterEach;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The registry contract on the default database: an H2 file, in the mode the hub opens it (config/application.yaml). */
class H2RegistryRepositoryTest extends RegistryRepositoryContract {

    @TempDir
    Path dir;
    private SingleConnectionDataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            // One open connection, as the hub's pool holds: H2 closes a file database when its last
            // connection closes, and a connection per statement would race that close.
            dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("cem") + ";DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                    + ";DEFAULT_NULL_ORDERING=HIGH",
                    "sa", "", true);
            migrate(dataSource, null);
        }
        return dataSource;
    }

    @AfterEach
    void close() {
        if (dataSource != null) {
            dataSource.destroy();
        }
    }
}
