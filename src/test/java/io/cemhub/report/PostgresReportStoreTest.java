package io.cemhub.report;

import io.cemhub.support.MigratedDatabase;

/** The report SQL on PostgreSQL; skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresReportStoreTest extends ReportStoreContract {

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.postgres();
    }
}
