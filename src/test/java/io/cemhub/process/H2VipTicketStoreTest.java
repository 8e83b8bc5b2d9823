package io.cemhub.process;

import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The vip-ticket SQL on the default database (H2 file, PostgreSQL mode). */
class H2VipTicketStoreTest extends VipTicketStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.h2(dir);
    }
}
