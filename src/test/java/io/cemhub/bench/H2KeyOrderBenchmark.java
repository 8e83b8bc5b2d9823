package io.cemhub.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Random;

/**
 * What the order of keys costs an H2 file database opened as the hub opens it ({@code WRITE_DELAY=0}):
 * rows shaped like a measurement, {@value #ROWS} per transaction, into a table whose only index is its
 * primary key. {@code appended}: each key is larger than all before it (a sequence, an append-only log);
 * {@code scattered}: keys in random order over a growing table (what a row per series, updated as samples
 * arrive, or an index on (service, metric, time) amounts to). Scores are rows per second. Issue 10: the
 * measure of what an append-only design of the evaluate stage could gain.
 */
@State(Scope.Thread)
public class H2KeyOrderBenchmark {

    static final int ROWS = 100;

    @Param({"appended", "scattered"})
    public String keys;

    private Path dir;
    private Connection connection;
    private PreparedStatement insert;
    private final Random random = new Random(20261124);
    private long next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Files.createTempDirectory("cem-keyorder-bench");
        connection = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("cem")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0", "sa", "");
        try (Statement s = connection.createStatement()) {
            s.execute("create table sample (k varchar(40) primary key, service_id varchar(128) not null,"
                    + " metric varchar(128) not null, num_value double precision not null,"
                    + " observed_at timestamp with time zone not null)");
        }
        connection.setAutoCommit(false);
        insert = connection.prepareStatement("insert into sample values (?, ?, ?, ?, ?)");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        connection.close();
        BenchFiles.deleteTree(dir);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void transaction() throws SQLException {
        Timestamp now = new Timestamp(System.currentTimeMillis());
        for (int i = 0; i < ROWS; i++) {
            long n = next++;
            // Both keys are 19 digits: only their order differs.
            String key = "appended".equals(keys) ? String.format("%019d", n)
                    : String.format("%019d", random.nextLong() & Long.MAX_VALUE);
            insert.setString(1, key);
            insert.setString(2, "BENCH-" + (n % 20_000));
            insert.setString(3, "vpn.latency");
            insert.setDouble(4, n % 50);
            insert.setTimestamp(5, now);
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
    }
}
