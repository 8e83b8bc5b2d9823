package io.cemhub.process;

import io.cemhub.support.MigratedDatabase;

/** The vip-ticket SQL on PostgreSQL; skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresVipTicketStoreTest extends VipTicketStoreContract {

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.postgres();
    }
}
