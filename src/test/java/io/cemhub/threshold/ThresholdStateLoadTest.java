package io.cemhub.threshold;

import io.cemhub.support.PostgresTestDatabase;
import io.cemhub.support.StatementCounter;
import io.cemhub.support.TestDatabases;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The series states of one ingest message are read in ONE statement (issue 10, finding F1: it was one per
 * series), with exactly what a read per series gives: no row of another (service, metric) combination, the
 * no-data alarm beside its series, unknown series absent. On H2 and on PostgreSQL (skipped, saying so,
 * without CEM_TEST_POSTGRES_URL).
 */
class ThresholdStateLoadTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @TempDir
    Path dir;
    private SingleConnectionDataSource h2;
    private PostgresTestDatabase postgres;
    private StatementCounter counter;
    private ThresholdStateStore states;

    private void open(String database) {
        if (database.equals("h2")) {
            h2 = TestDatabases.h2(dir);
            counter = new StatementCounter(h2);
        } else {
            postgres = TestDatabases.postgres();
            counter = new StatementCounter(postgres.dataSource());
        }
        states = new ThresholdStateStore(new JdbcTemplate(counter), TestRecords.JSON);
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

    private static SeriesState state(String rule, int minute, Severity level) {
        SeriesState s = new SeriesState();
        s.ruleId = rule;
        s.level = level;
        s.alarmId = level == null ? null : "A-" + rule + "-" + minute;
        s.lastObservedAt = T0.plusSeconds(60L * minute);
        s.transitions.add(T0.plusSeconds(60L * minute - 30));
        return s;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void theSeriesOfAMessageAreReadInOneStatementWithTheSameResultAsOneByOne(String database) {
        open(database);
        // Stored: S-0..S-9 x (vpn.jitter, vpn.latency), and S-0 vpn.loss.
        Map<SeriesKey, SeriesState> stored = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            stored.put(new SeriesKey("S-" + i, "vpn.jitter"), state("r-j", i, i % 3 == 0 ? Severity.MAJOR : null));
            stored.put(new SeriesKey("S-" + i, "vpn.latency"), state("r-l", i, null));
        }
        stored.put(new SeriesKey("S-0", "vpn.loss"), state("r-x", 1, Severity.CRITICAL));
        states.save(stored, Set.of());
        new JdbcTemplate(counter).update("insert into no_data_alarm (service_id, metric, alarm_id, last_observed_at, raised_at)"
                + " values ('S-3', 'vpn.jitter', 'ND-3', ?, ?)", java.sql.Timestamp.from(T0), java.sql.Timestamp.from(T0));

        // A message's series: every jitter, one latency (S-1's latency is in the ids x metrics cross product
        // but not asked for), and a series never evaluated.
        List<SeriesKey> asked = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            asked.add(new SeriesKey("S-" + i, "vpn.jitter"));
        }
        asked.add(new SeriesKey("S-0", "vpn.latency"));
        asked.add(new SeriesKey("S-new", "vpn.jitter"));

        counter.reset();
        Map<SeriesKey, SeriesState> loaded = states.load(asked);
        assertThat(counter.count("from threshold_state")).as("statements: %s", counter.statements()).isEqualTo(1);
        assertThat(counter.statements()).hasSize(1);

        assertThat(loaded.keySet()).containsExactlyInAnyOrderElementsOf(asked.subList(0, 11));
        Map<SeriesKey, SeriesState> oneByOne = new HashMap<>();
        for (SeriesKey key : asked) {
            oneByOne.putAll(states.load(List.of(key)));
        }
        assertThat(loaded).hasSameSizeAs(oneByOne);
        loaded.forEach((key, s) -> {
            SeriesState expected = stored.get(key);
            assertThat(s).usingRecursiveComparison().ignoringFields("noData").isEqualTo(expected);
            assertThat(oneByOne.get(key)).usingRecursiveComparison().isEqualTo(s);
        });
        assertThat(loaded.get(new SeriesKey("S-3", "vpn.jitter")).noData).isEqualTo(new NoDataMark("ND-3", T0));
        assertThat(loaded.values()).filteredOn(s -> s.noData != null).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void nothingAskedIsNoStatement(String database) {
        open(database);
        counter.reset();
        assertThat(states.load(List.of())).isEmpty();
        assertThat(counter.statements()).isEmpty();
    }
}
