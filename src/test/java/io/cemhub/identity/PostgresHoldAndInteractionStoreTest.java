package io.cemhub.identity;

import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;

import javax.sql.DataSource;

/** The hold and interaction SQL on PostgreSQL; skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresHoldAndInteractionStoreTest extends HoldAndInteractionStoreContract {

    private PostgresTestDatabase database;
    private DataSource dataSource;

    @Override
    protected DataSource dataSource() {
        if (dataSource == null) {
            database = TestDatabases.postgres();
            dataSource = database.dataSource();
        }
        return dataSource;
    }

    @AfterEach
    void dropSchema() {
        if (database != null) {
            database.close();
        }
    }
}
