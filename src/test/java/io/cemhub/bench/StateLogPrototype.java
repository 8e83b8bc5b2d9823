package io.cemhub.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.threshold.SeriesKey;
import io.cemhub.threshold.SeriesState;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the snapshot + log design of the evaluate stage (docs/performance.md, "Next steps") would write, for
 * {@link EvaluateStoresBenchmark} ({@code stores=statelog}): series states held in memory; per transaction ONE log
 * row holding the states it changed (instead of a row update per series); after every {@code snapshotEvery} records
 * the whole state written as chunks of {@value #CHUNK} states, in the same transaction that deletes the log rows
 * before it. A prototype of the write path only (no restore): it prices the design, it is not the hub's code.
 */
final class StateLogPrototype {

    static final int CHUNK = 1_000;

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final int snapshotEvery;
    private final Map<SeriesKey, SeriesState> memory = new HashMap<>();
    private long seq;
    private long sinceSnapshot;

    StateLogPrototype(JdbcTemplate jdbc, ObjectMapper mapper, int snapshotEvery) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.snapshotEvery = snapshotEvery;
        jdbc.execute("create table bench_state_log (seq bigint primary key, body varchar(1000000000) not null)");
        jdbc.execute("create table bench_state_snapshot (chunk integer primary key, upto bigint not null,"
                + " body varchar(1000000000) not null)");
    }

    /** The state of a series as the evaluation would change it (held in memory, never read from the database). */
    SeriesState state(SeriesKey key) {
        return memory.computeIfAbsent(key, k -> new SeriesState());
    }

    /** Call inside the transaction, with the series it changed. */
    void append(Map<SeriesKey, SeriesState> changed) {
        List<Object[]> entries = new ArrayList<>(changed.size());
        changed.forEach((key, state) -> entries.add(new Object[] {key.serviceId(), key.metric(), state}));
        jdbc.update("insert into bench_state_log (seq, body) values (?, ?)", ++seq, json(entries));
        sinceSnapshot += changed.size();
        if (sinceSnapshot >= snapshotEvery) {
            snapshot();
            sinceSnapshot = 0;
        }
    }

    private void snapshot() {
        List<Object[]> chunks = new ArrayList<>();
        List<Object[]> chunk = new ArrayList<>(CHUNK);
        for (Map.Entry<SeriesKey, SeriesState> e : memory.entrySet()) {
            chunk.add(new Object[] {e.getKey().serviceId(), e.getKey().metric(), e.getValue()});
            if (chunk.size() == CHUNK) {
                chunks.add(new Object[] {chunks.size(), seq, json(chunk)});
                chunk = new ArrayList<>(CHUNK);
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(new Object[] {chunks.size(), seq, json(chunk)});
        }
        jdbc.update("delete from bench_state_snapshot");
        jdbc.batchUpdate("insert into bench_state_snapshot (chunk, upto, body) values (?, ?, ?)", chunks);
        jdbc.update("delete from bench_state_log where seq <= ?", seq);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
