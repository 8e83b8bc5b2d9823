package io.cemhub.identity;

import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The hold and interaction SQL on the default database (H2 file, PostgreSQL mode). */
class H2HoldAndInteractionStoreTest extends HoldAndInteractionStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.h2(dir);
    }
}
