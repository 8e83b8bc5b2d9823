package io.cemhub.identity;

import io.cemhub.support.MigratedDatabase;

/** The hold and interaction SQL on PostgreSQL; skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresHoldAndInteractionStoreTest extends HoldAndInteractionStoreContract {

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.postgres();
    }
}
