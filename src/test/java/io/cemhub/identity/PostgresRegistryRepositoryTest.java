package io.cemhub.identity;

import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.TestDatabases;
import org.junit.jupiter.api.AfterEach;

import javax.sql.DataSource;

/** The registry contract on PostgreSQL (profile postgres); skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresRegistryRepositoryTest extends RegistryRepositoryContract {

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
