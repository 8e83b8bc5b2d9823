package io.cemhub.sla;

import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The SLA budget SQL on the default database (H2 file, PostgreSQL mode). */
class H2SlaStoreTest extends SlaStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.h2(dir);
    }
}
