package io.cemhub.identity;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The held records (table held_record): accepted records whose id the registry did not know yet, each
 * with the JSON it was accepted with. Written in the evaluate stage's database transaction (with the
 * partition checkpoint), so a held record is held once and never lost; released records are deleted
 * only after they are durable on the ingest queue again.
 */
public class HeldRecordStore {

    private final JdbcTemplate jdbc;

    public HeldRecordStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Holds records; one held twice (a redelivered message) is kept once. */
    public void hold(List<Held> records) {
        List<Object[]> rows = new ArrayList<>(records.size());
        for (Held h : records) {
            rows.add(new Object[] {h.key().system(), h.recordId(), h.key().kind().name(), h.key().ref(),
                    h.partitionKey(), h.json(), Timestamp.from(h.heldAt())});
        }
        jdbc.batchUpdate("insert into held_record (source_system, record_id, ref_kind, ref_id, partition_key,"
                + " record_json, held_at) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /** Ids with held records, the longest waiting first. */
    public List<Waiting> waiting(int limit) {
        return jdbc.query("select source_system, ref_kind, ref_id, min(held_at), count(*) from held_record"
                        + " group by source_system, ref_kind, ref_id order by min(seq) fetch first ? rows only",
                (rs, n) -> new Waiting(new HeldKey(rs.getString(1), HeldKey.Kind.valueOf(rs.getString(2)), rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5)), limit);
    }

    /** The held records of one id in the order they were held (at most {@code limit}). */
    public List<Row> records(HeldKey key, int limit) {
        return jdbc.query("select seq, record_json, held_at from held_record where source_system = ? and ref_kind = ?"
                        + " and ref_id = ? order by seq fetch first ? rows only",
                (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()),
                key.system(), key.kind().name(), key.ref(), limit);
    }

    public void delete(List<Row> rows) {
        jdbc.batchUpdate("delete from held_record where seq = ?", rows.stream().map(r -> new Object[] {r.seq()}).toList());
    }

    public long count() {
        return jdbc.queryForObject("select count(*) from held_record", Long.class);
    }

    public Map<String, Long> countBySystem() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("select source_system, count(*) from held_record group by source_system order by source_system",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return Collections.unmodifiableMap(counts);
    }

    /** A record to hold. */
    public record Held(HeldKey key, String recordId, String partitionKey, String json, Instant heldAt) {
    }

    /** A held record as stored. */
    public record Row(long seq, String json, Instant heldAt) {
    }

    /** An id that records wait for: since when, how many. */
    public record Waiting(HeldKey key, Instant since, long records) {
    }
}
