package io.cemhub.experience;

import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.support.MigratedDatabase;
import io.cemhub.threshold.MeasurementStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

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
        rollups = new RollupStore(jdbc);
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
    void aMeasurementStoredBeforeIsReportedAsARepeat() {
        MeasurementStore store = new MeasurementStore(jdbc);
        Measurement m = new Measurement("m-1", new SourceRef("wisla-vpn", null), null, "S1", null, "vpn.loss", 1, "%",
                H10, H10, null);
        assertThat(store.insert(List.of(m))).containsExactly(1);
        assertThat(store.insert(List.of(m))).containsExactly(0);
    }
}
