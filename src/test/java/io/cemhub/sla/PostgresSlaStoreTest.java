package io.cemhub.sla;

import io.cemhub.support.MigratedDatabase;

/** The SLA budget SQL on PostgreSQL; skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresSlaStoreTest extends SlaStoreContract {

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.postgres();
    }
}
