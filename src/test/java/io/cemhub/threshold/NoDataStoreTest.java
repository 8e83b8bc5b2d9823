package io.cemhub.threshold;

import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.TestDatabases;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The no-data SQL (V3 and its statements) on each database the hub supports; the PostgreSQL runs are
 * skipped, saying so, without CEM_TEST_POSTGRES_URL.
 */
class NoDataStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private ThresholdStateStore states;
    private NoDataStore store;
    private JdbcTemplate jdbc;

    @TempDir
    Path dir;
    private SingleConnectionDataSource h2;
    private PostgresTestDatabase postgres;

    private void open(String database) {
        if (database.equals("h2")) {
            h2 = TestDatabases.h2(dir);
            jdbc = new JdbcTemplate(h2);
        } else {
            postgres = TestDatabases.postgres();
            jdbc = new JdbcTemplate(postgres.dataSource());
        }
        states = new ThresholdStateStore(jdbc, TestRecords.JSON);
        store = new NoDataStore(jdbc);
    }

    @AfterEach
    void close() {
        if (h2 != null) {
            h2.destroy();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private void observe(String service, Instant at, boolean existing) {
        SeriesState s = new SeriesState();
        s.ruleId = "r1";
        s.lastObservedAt = at;
        SeriesKey key = new SeriesKey(service, "vpn.jitter");
        states.save(Map.of(key, s), existing ? Set.of(key) : Set.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void silentSeriesRaiseOnceAndClearWhenTheyReportAgain(String database) {
        open(database);
        observe("S-1", T0, false);
        observe("S-2", T0.plusSeconds(600), false);
        List<NoDataStore.Silent> silent = store.silent("r1", "vpn.jitter", T0.plusSeconds(60), 10);
        assertThat(silent).extracting(NoDataStore.Silent::serviceId).containsExactly("S-1");

        assertThat(store.insert(silent.get(0), "A-1", T0.plusSeconds(120))).isTrue();
        assertThat(store.insert(silent.get(0), "A-1", T0.plusSeconds(150))).isFalse();
        assertThat(store.silent("r1", "vpn.jitter", T0.plusSeconds(60), 10)).isEmpty();
        assertThat(states.load(List.of(new SeriesKey("S-1", "vpn.jitter"))).get(new SeriesKey("S-1", "vpn.jitter")).noData)
                .isEqualTo(new NoDataMark("A-1", T0));

        observe("S-1", T0.minusSeconds(60), true); // a late record does not move the series back
        assertThat(store.active()).singleElement().satisfies(a -> assertThat(a.resumed()).isFalse());
        observe("S-1", T0.plusSeconds(300), true);
        assertThat(store.active()).singleElement().satisfies(a -> assertThat(a.resumed()).isTrue());
        assertThat(store.delete("S-1", "vpn.jitter", "A-1")).isTrue();
        assertThat(store.delete("S-1", "vpn.jitter", "A-1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSeriesThatMovedSinceTheScanIsNotRaised(String database) {
        open(database);
        observe("S-3", T0, false);
        NoDataStore.Silent scanned = store.silent("r1", "vpn.jitter", T0.plusSeconds(60), 10).get(0);
        observe("S-3", T0.plusSeconds(30), true);
        assertThat(store.insert(scanned, "A-3", T0.plusSeconds(120))).isFalse();
        assertThat(store.active()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aSecondRowForOneSeriesIsRefused(String database) {
        open(database);
        observe("S-4", T0, false);
        jdbc.update("insert into no_data_alarm (service_id, metric, alarm_id, last_observed_at, raised_at)"
                + " values ('S-4', 'vpn.jitter', 'A-4', current_timestamp, current_timestamp)");
        assertThatThrownBy(() -> jdbc.update("insert into no_data_alarm (service_id, metric, alarm_id, last_observed_at,"
                + " raised_at) values ('S-4', 'vpn.jitter', 'A-5', current_timestamp, current_timestamp)"))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
