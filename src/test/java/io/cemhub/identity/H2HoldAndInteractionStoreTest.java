package io.cemhub.identity;

import io.cemhub.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;

/** The hold and interaction SQL on the default database (H2 file, PostgreSQL mode). */
class H2HoldAndInteractionStoreTest extends HoldAndInteractionStoreContract {

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
