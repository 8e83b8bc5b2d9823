package io.cemhub.identity;

import io.cemhub.support.TestDatabases;
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
            dataSource = TestDatabases.h2(dir);
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
