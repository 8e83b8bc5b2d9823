package io.cemhub.experience;

import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V17 moves the figures of every stored bucket into the figures tables: a hub upgraded with a year of rollups
 * reads them as before and folds new values into them.
 */
class RollupFiguresMigrationTest {

    static final Instant H10 = Instant.parse("2026-11-20T10:00:00Z");
    static final Instant D20 = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void bucketsStoredBeforeTheUpgradeAreReadAndFoldedAfterItOnH2() {
        SingleConnectionDataSource h2 = TestDatabases.h2Empty(dir);
        try {
            upgrade(h2, null);
        } finally {
            h2.destroy();
        }
    }

    @Test
    void bucketsStoredBeforeTheUpgradeAreReadAndFoldedAfterItOnPostgres() {
        try (PostgresTestDatabase pg = PostgresTestDatabase.requireConfigured()) {
            upgrade(pg.dataSource(), pg.schema);
        }
    }

    private static void upgrade(DataSource dataSource, String schema) {
        TestDatabases.migrate(dataSource, schema, "16");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Rollup hour = new Rollup(H10);
        hour.add(2);
        hour.add(4);
        String wide = " (service_id, metric, bucket_start, customer_id, sample_count, value_sum, value_min, value_max,"
                + " histogram) values (?, ?, ?, ?, ?, ?, ?, ?, ?)";
        jdbc.update("insert into kpi_rollup_hour" + wide, "S1", "vpn.loss", Timestamp.from(H10), "C1", 2L, 6.0, 2.0, 4.0,
                hour.histogram().encode());
        jdbc.update("insert into kpi_rollup_day" + wide, "S1", "vpn.loss", Timestamp.from(D20), "C1", 7L, 70.0, 1.0, 30.0,
                new LogHistogram().encode());

        TestDatabases.migrate(dataSource, schema);
        RollupStore store = new RollupStore(jdbc, 1_000);
        assertThat(store.ofCustomer(Granularity.DAY, "C1", null, D20, D20.plusSeconds(86_400))).singleElement()
                .satisfies(r -> {
                    assertThat(r.rollup().count()).isEqualTo(7);
                    assertThat(r.rollup().sum()).isEqualTo(70.0);
                    assertThat(r.rollup().max()).isEqualTo(30.0);
                });
        Rollup more = new Rollup(H10);
        more.add(9);
        store.add(Granularity.HOUR, Map.of(new RollupStore.Key("S1", "vpn.loss", H10), more), Map.of());
        assertThat(store.ofCustomer(Granularity.HOUR, "C1", "vpn.loss", H10, H10.plusSeconds(3_600))).singleElement()
                .satisfies(r -> {
                    assertThat(r.customerId()).isEqualTo("C1");
                    assertThat(r.rollup().count()).isEqualTo(3);
                    assertThat(r.rollup().sum()).isEqualTo(15.0);
                    assertThat(r.rollup().min()).isEqualTo(2.0);
                    assertThat(r.rollup().max()).isEqualTo(9.0);
                    assertThat(r.rollup().histogram().count()).isEqualTo(3);
                });
    }
}
