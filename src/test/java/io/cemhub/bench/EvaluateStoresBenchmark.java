package io.cemhub.bench;

import io.cemhub.experience.KpiRollupRecorder;
import io.cemhub.experience.RollupStore;
import io.cemhub.model.CemJson;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.pipeline.PipelineItem;
import io.cemhub.support.TestDatabases;
import io.cemhub.threshold.MeasurementRecorder;
import io.cemhub.threshold.MeasurementStore;
import io.cemhub.threshold.SeriesKey;
import io.cemhub.threshold.SeriesState;
import io.cemhub.threshold.ThresholdStateStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The database work the evaluate stage does per record, without the rest of the hub (issue 10: where the
 * ceiling of the durable, row-per-series design lies). One invocation is {@value #RECORDS} measurements in
 * messages of {@code perMessage}, each message ONE transaction on an H2 file database opened as the hub
 * opens it ({@code WRITE_DELAY=0}): the measurement rows ({@link MeasurementRecorder}), the hour and day rollups
 * ({@link KpiRollupRecorder}) and the series states ({@link ThresholdStateStore} load and save), i.e. the
 * statements the pipeline runs, minus the rules and events. Scores are records per second. {@code stores}
 * writes all three or one alone; {@code statelog} writes the states as the snapshot + log design of
 * docs/performance.md would ({@link StateLogPrototype}: one log row per message, a snapshot once per
 * {@code -Dcem.bench.snapshot-every} records, {@value #SERIES} by default; pass it with {@code JAVA_TOOL_OPTIONS}),
 * to price that design against {@code states}.
 * <p>
 * {@code order}: {@code sweep} visits the {@value #SERIES} series in key order, as the side-by-side corpus does
 * (its quick size: 20,000 services x 5 metrics; neighbouring records touch neighbouring B-tree pages);
 * {@code random} picks series at random, as independent sources reporting on their own schedules would.
 * The rollups run with the hub's rollup cache of {@code -Dcem.bench.rollup-cache} buckets (100,000, as the hub's
 * default; 0: none; pass it with {@code -jvmArgsAppend}). The series' 200,000 hour and day buckets come back once
 * per sweep: a cache smaller than that has forgotten each by then (300000 shows the cache at work).
 * <pre>
 * bench/jmh.sh -f 1 -wi 2 -i 3 -w 10s -r 10s EvaluateStoresBenchmark
 * bench/jmh.sh -f 1 -wi 2 -i 3 -w 10s -r 10s -p order=sweep -p stores=all -p perMessage=10,100,1000 EvaluateStoresBenchmark
 * bench/jmh.sh -f 1 -wi 3 -i 4 -w 10s -r 10s -p order=sweep -p stores=states,statelog -p perMessage=100 EvaluateStoresBenchmark
 * </pre>
 */
@State(Scope.Thread)
public class EvaluateStoresBenchmark {

    /** Records per invocation: split into messages of {@link #perMessage}. */
    static final int RECORDS = 1_000;
    static final int SERIES = 100_000;
    private static final String[] METRICS = {"vpn.jitter", "vpn.latency", "vpn.loss", "net.if.util.in", "net.if.util.out"};

    @Param({"sweep", "random"})
    public String order;

    /** Records per ingest message, i.e. per database transaction. */
    @Param({"100"})
    public int perMessage;

    /** Which stores the message writes: all three, or one of them alone (what each costs). */
    @Param({"all", "measurements", "rollups", "states"})
    public String stores;

    private Path dir;
    private SingleConnectionDataSource dataSource;
    private TransactionTemplate transaction;
    private MeasurementRecorder measurements;
    private KpiRollupRecorder rollups;
    private ThresholdStateStore states;
    private StateLogPrototype stateLog;
    private final Random random = new Random(20261124);
    private long next;
    private Instant at = Instant.parse("2026-11-24T06:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("cem-evaluate-bench");
        dataSource = new SingleConnectionDataSource("jdbc:h2:file:" + dir.resolve("cem") + ";DB_CLOSE_ON_EXIT=FALSE;MODE=PostgreSQL;"
                + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;WRITE_DELAY=0", "sa", "", true);
        TestDatabases.migrate(dataSource, null);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        measurements = new MeasurementRecorder(new MeasurementStore(jdbc));
        rollups = new KpiRollupRecorder(new RollupStore(jdbc, Integer.getInteger("cem.bench.rollup-cache", 100_000)));
        states = new ThresholdStateStore(jdbc, CemJson.newMapper());
        if ("statelog".equals(stores)) { // its tables only where it runs
            stateLog = new StateLogPrototype(jdbc, CemJson.newMapper(), Integer.getInteger("cem.bench.snapshot-every", SERIES));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        dataSource.destroy();
        BenchFiles.deleteTree(dir);
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void messages() {
        for (int m = 0; m < RECORDS / perMessage; m++) {
            message();
        }
    }

    private void message() {
        List<PipelineItem> items = new ArrayList<>(perMessage);
        Set<SeriesKey> series = new HashSet<>();
        for (int i = 0; i < perMessage; i++) {
            long r = next++;
            int s = "sweep".equals(order) ? (int) (r % SERIES) : random.nextInt(SERIES);
            at = at.plusMillis(1);
            String service = String.format("BENCH-%06d", s / METRICS.length);
            String metric = METRICS[s % METRICS.length];
            double value = 10 + (r % 50);
            items.add(new PipelineItem(new Measurement("cmp-" + r, new SourceRef("bench", null), null, service, null, metric,
                    value, "ms", at, at, Map.of())));
            series.add(new SeriesKey(service, metric));
        }
        transaction.executeWithoutResult(status -> {
            if (writes("measurements")) {
                measurements.evaluate(items);
            }
            if (writes("rollups")) {
                rollups.evaluate(items);
            }
            if ("statelog".equals(stores)) {
                Map<SeriesKey, SeriesState> changed = new HashMap<>();
                series.forEach(key -> changed.put(key, observed(stateLog.state(key))));
                stateLog.append(changed);
                return;
            }
            if (!writes("states")) {
                return;
            }
            Map<SeriesKey, SeriesState> found = states.load(series);
            Map<SeriesKey, SeriesState> save = new HashMap<>();
            series.forEach(key -> {
                save.put(key, observed(found.getOrDefault(key, new SeriesState())));
            });
            states.save(save, found.keySet());
        });
    }

    /** What an evaluation without a transition changes in a state. */
    private SeriesState observed(SeriesState state) {
        state.ruleId = "bench";
        state.ruleVersion = 1;
        state.lastObservedAt = at;
        return state;
    }

    private boolean writes(String store) {
        return "all".equals(stores) || store.equals(stores);
    }
}
