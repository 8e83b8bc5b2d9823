package io.cemhub.experience;

import io.cemhub.support.MigratedDatabase;

/** The experience SQL on PostgreSQL; skipped, saying so, without CEM_TEST_POSTGRES_URL. */
class PostgresExperienceStoreTest extends ExperienceStoreContract {

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.postgres();
    }
}
