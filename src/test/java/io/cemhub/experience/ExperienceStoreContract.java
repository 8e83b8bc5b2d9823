package io.cemhub.experience;

import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.support.MigratedDatabase;
import io.cemhub.threshold.MeasurementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The experience SQL (rollups; repeat detection of measurements) on every supported database. */
abstract class ExperienceStoreContract {

    static final Instant H10 = Instant.parse("2026-11-20T10:00:00Z");

    JdbcTemplate jdbc;
    RollupStore rollups;
    private MigratedDatabase database;

    protected abstract MigratedDatabase database();

    @BeforeEach
    void wire() {
        database = database();
        jdbc = new JdbcTemplate(database.dataSource());
        rollups = new RollupStore(jdbc, 1_000);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static Map<RollupStore.Key, Rollup> bucket(String service, String metric, Instant start, double... values) {
        Rollup r = new Rollup(start);
        for (double v : values) {
            r.add(v);
        }
        Map<RollupStore.Key, Rollup> map = new HashMap<>();
        map.put(new RollupStore.Key(service, metric, start), r);
        return map;
    }

    @Test
    void bucketsAreCreatedThenMergedAndReadPerServiceAndCustomer() {
        Map<RollupStore.Key, String> customers = Map.of(new RollupStore.Key("S1", "vpn.loss", H10), "C1",
                new RollupStore.Key("S2", "vpn.loss", H10), "C1");
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 1, 2), customers);
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 3), customers);
        rollups.add(Granularity.HOUR, bucket("S2", "vpn.loss", H10, 10), customers);
        rollups.add(Granularity.HOUR, bucket("S3", "vpn.loss", H10, 99), Map.of());

        List<RollupStore.Row> s1 = rollups.ofService(Granularity.HOUR, "S1", null, H10, H10.plusSeconds(3600));
        assertThat(s1).hasSize(1);
        assertThat(s1.get(0).rollup().count()).isEqualTo(3);
        assertThat(s1.get(0).rollup().sum()).isEqualTo(6);
        assertThat(s1.get(0).rollup().histogram().count()).isEqualTo(3);

        var merged = RollupStore.byMetric(rollups.ofCustomer(Granularity.HOUR, "C1", "vpn.loss", H10, H10.plusSeconds(3600)));
        Rollup c1 = merged.get("vpn.loss").get(H10);
        assertThat(c1.count()).isEqualTo(4);
        assertThat(c1.max()).isEqualTo(10);
        assertThat(rollups.all(Granularity.HOUR, null, H10, H10.plusSeconds(3600))).hasSize(3);
        assertThat(rollups.ofService(Granularity.HOUR, "S1", null, H10.plusSeconds(3600), H10.plusSeconds(7200))).isEmpty();
    }

    @Test
    void aBatchOfManyBucketsIsReadInChunksAndEachMergedOnce() {
        RollupStore rollups = new RollupStore(jdbc, 0); // no cache: every fold reads its buckets
        // 150 buckets: chunks of 64, 64 and 22 (padded to 32 with the last key repeated), two hours apart.
        Map<RollupStore.Key, Rollup> batch = new HashMap<>();
        for (int i = 0; i < 150; i++) {
            batch.putAll(bucket("S" + i, i % 2 == 0 ? "vpn.loss" : "vpn.latency", i < 75 ? H10 : H10.plusSeconds(7200), i));
        }
        rollups.add(Granularity.HOUR, batch, Map.of());
        Map<RollupStore.Key, Rollup> again = new HashMap<>();
        batch.keySet().forEach(k -> again.putAll(bucket(k.serviceId(), k.metric(), k.start(), 1000)));
        rollups.add(Granularity.HOUR, again, Map.of());

        List<RollupStore.Row> rows = rollups.all(Granularity.HOUR, null, H10, H10.plusSeconds(3 * 3600));
        assertThat(rows).hasSize(150);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.rollup().count()).as(r.serviceId()).isEqualTo(2);
            assertThat(r.rollup().max()).isEqualTo(1000);
            assertThat(r.rollup().min()).isEqualTo(Double.parseDouble(r.serviceId().substring(1)));
        });
    }

    @Test
    void aCachedBucketIsFoldedWithoutAReadButARowChangedBehindTheCacheIsReadAgain() {
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 1, 2), Map.of());
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 3), Map.of());
        assertThat(rollups.cacheMisses()).isEqualTo(1);
        assertThat(rollups.cacheHits()).isEqualTo(1);
        assertStored("S1", 3, 6, 1, 3);

        // another writer (the partition was on another instance meanwhile) adds two samples
        new RollupStore(jdbc, 0).add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 10, 20), Map.of());
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 4), Map.of());
        assertThat(rollups.cacheStale()).isEqualTo(1);
        assertStored("S1", 6, 40, 1, 20);
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 0.5), Map.of());
        assertThat(rollups.cacheHits()).isEqualTo(2);
        assertStored("S1", 7, 40.5, 0.5, 20);

        // the row deleted behind the cache: made anew, not lost
        jdbc.update("delete from kpi_rollup_hour_figures");
        jdbc.update("delete from kpi_rollup_hour");
        rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 5), Map.of());
        assertThat(rollups.cacheStale()).isEqualTo(2);
        assertStored("S1", 1, 5, 5, 5);
        // the day table is a bucket of its own: not mixed up with the hour of the same start
        rollups.add(Granularity.DAY, bucket("S1", "vpn.loss", H10, 9), Map.of());
        assertThat(rollups.ofService(Granularity.DAY, "S1", null, H10, H10.plusSeconds(86_400)))
                .singleElement().satisfies(r -> assertThat(r.rollup().sum()).isEqualTo(9));
        assertStored("S1", 1, 5, 5, 5);
    }

    @Test
    void aRolledBackFoldLeavesTheCacheAsCommitted() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(database.dataSource()));
        tx.executeWithoutResult(s -> rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 1, 2), Map.of()));
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 5), Map.of());
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");
        assertStored("S1", 2, 3, 1, 2);

        tx.executeWithoutResult(s -> rollups.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 7), Map.of()));
        assertStored("S1", 3, 10, 1, 7);
        // had the rolled back fold reached the cache, this one would have found the row changed behind it
        assertThat(rollups.cacheStale()).isZero();
        assertThat(rollups.cacheHits()).isEqualTo(2);
        assertThat(rollups.cacheSize()).isEqualTo(1);
    }

    @Test
    void theCacheKeepsAtMostItsSizeAndForgetsTheLeastRecentlyUsed() {
        RollupStore small = new RollupStore(jdbc, 2);
        small.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 1), Map.of());
        small.add(Granularity.HOUR, bucket("S2", "vpn.loss", H10, 1), Map.of());
        small.add(Granularity.HOUR, bucket("S1", "vpn.loss", H10, 1), Map.of());
        small.add(Granularity.HOUR, bucket("S3", "vpn.loss", H10, 1), Map.of()); // S2 is forgotten
        assertThat(small.cacheSize()).isEqualTo(2);
        small.add(Granularity.HOUR, bucket("S2", "vpn.loss", H10, 1), Map.of());
        assertThat(small.cacheMisses()).isEqualTo(4);
        assertThat(small.cacheHits()).isEqualTo(1);
        assertStored("S2", 2, 2, 1, 1);
    }

    private void assertStored(String service, long count, double sum, double min, double max) {
        assertThat(rollups.ofService(Granularity.HOUR, service, "vpn.loss", H10, H10.plusSeconds(3600)))
                .singleElement().satisfies(row -> {
                    Rollup r = row.rollup();
                    assertThat(r.count()).isEqualTo(count);
                    assertThat(r.sum()).isEqualTo(sum);
                    assertThat(r.min()).isEqualTo(min);
                    assertThat(r.max()).isEqualTo(max);
                    assertThat(r.histogram().count()).isEqualTo(count);
                });
    }

    @Test
    void aMeasurementStoredBeforeIsReportedAsARepeat() {
        MeasurementStore store = new MeasurementStore(jdbc);
        Measurement m = new Measurement("m-1", new SourceRef("wisla-vpn", null), null, "S1", null, "vpn.loss", 1, "%",
                H10, H10, null);
        assertThat(store.insert(List.of(m))).containsExactly(1);
        assertThat(store.insert(List.of(m))).containsExactly(0);
    }
}
