package io.cemhub.report;

import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The report SQL on the default database (H2 file, PostgreSQL mode). */
class H2ReportStoreTest extends ReportStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MigratedDatabase database() {
        return MigratedDatabase.h2(dir);
    }
}
