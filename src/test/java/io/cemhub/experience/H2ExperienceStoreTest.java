package io.cemhub.experience;

import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The experience SQL on the default database (H2 file, PostgreSQL mode). */
class H2ExperienceStoreTest extends ExperienceStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.h2(dir);
    }
}
