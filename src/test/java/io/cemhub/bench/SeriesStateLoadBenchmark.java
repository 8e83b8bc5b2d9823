package io.cemhub.bench;

import io.cemhub.model.CemJson;
import io.cemhub.support.TestDatabases;
import io.cemhub.threshold.SeriesKey;
import io.cemhub.threshold.SeriesState;
import io.cemhub.threshold.ThresholdStateStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The series-state read of one ingest message (issue 10, finding F1) on an H2 file database opened as the
 * hub opens it, holding 20,000 services x 5 metrics: {@code perMessage} is {@link ThresholdStateStore#load}
 * (one statement for all the message's series), {@code perSeries} the statement per series it replaced
 * (kept here as the baseline). A message holds {@code services} services x 5 metrics.
 */
@State(Scope.Thread)
public class SeriesStateLoadBenchmark {

    private static final String[] METRICS = {"vpn.jitter", "vpn.latency", "vpn.loss", "net.if.util.in", "net.if.util.out"};
    private static final int SERVICES = 20_000;

    @Param({"3", "12"})
    public int services;

    private Path dir;
    private SingleConnectionDataSource dataSource;
    private JdbcTemplate jdbc;
    private ThresholdStateStore store;
    private final com.fasterxml.jackson.databind.ObjectMapper mapper = CemJson.newMapper();
    private final List<List<SeriesKey>> messages = new ArrayList<>();
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("cem-state-bench");
        dataSource = TestDatabases.h2(dir);
        jdbc = new JdbcTemplate(dataSource);
        store = new ThresholdStateStore(jdbc, mapper);
        Map<SeriesKey, SeriesState> all = new HashMap<>();
        Instant t = Instant.parse("2026-11-23T00:00:00Z");
        for (int s = 0; s < SERVICES; s++) {
            for (String metric : METRICS) {
                SeriesState state = new SeriesState();
                state.ruleId = "bench";
                state.lastObservedAt = t;
                all.put(new SeriesKey("S-" + s, metric), state);
            }
            if (all.size() >= 5_000) {
                store.save(all, Set.of());
                all.clear();
            }
        }
        store.save(all, Set.of());
        java.util.Random random = new java.util.Random(20261123);
        for (int m = 0; m < 1024; m++) {
            List<SeriesKey> keys = new ArrayList<>();
            for (int s = 0; s < services; s++) {
                String service = "S-" + random.nextInt(SERVICES);
                for (String metric : METRICS) {
                    keys.add(new SeriesKey(service, metric));
                }
            }
            messages.add(keys);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        dataSource.destroy();
        BenchFiles.deleteTree(dir);
    }

    @Benchmark
    public void perMessage(Blackhole hole) {
        hole.consume(store.load(messages.get(next++ & 1023)));
    }

    @Benchmark
    public void perSeries(Blackhole hole) {
        for (SeriesKey key : messages.get(next++ & 1023)) {
            jdbc.query("select s.state_json, n.alarm_id, n.last_observed_at from threshold_state s"
                            + " left join no_data_alarm n on n.service_id = s.service_id and n.metric = s.metric"
                            + " where s.service_id = ? and s.metric = ?",
                    rs -> {
                        try {
                            hole.consume(mapper.readValue(rs.getString(1), SeriesState.class));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        hole.consume(rs.getString(2));
                    }, key.serviceId(), key.metric());
        }
    }
}
