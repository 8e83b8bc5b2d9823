package io.cemhub.threshold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Series state rows, read and written a batch at a time inside the pipeline's database transaction. */
public class ThresholdStateStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public ThresholdStateStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * The stored states of these series, each with its active no-data alarm if any; series never
     * evaluated before are absent. ONE statement per call, whatever the number of series: the service ids
     * and the metrics go in as two arrays ({@code = any(?)}, the same text on PostgreSQL and H2, so the
     * statement stays parsed), and the rows of other combinations of those ids and metrics (the arrays
     * select a cross product) are dropped here. The join spares a second round trip for the no-data alarm.
     */
    public Map<SeriesKey, SeriesState> load(Collection<SeriesKey> keys) {
        Map<SeriesKey, SeriesState> states = new HashMap<>();
        if (keys.isEmpty()) {
            return states;
        }
        Set<SeriesKey> wanted = keys instanceof Set<SeriesKey> set ? set : new HashSet<>(keys);
        Object[] services = wanted.stream().map(SeriesKey::serviceId).distinct().toArray();
        Object[] metrics = wanted.stream().map(SeriesKey::metric).distinct().toArray();
        jdbc.query("select s.service_id, s.metric, s.state_json, n.alarm_id, n.last_observed_at from threshold_state s"
                        + " left join no_data_alarm n on n.service_id = s.service_id and n.metric = s.metric"
                        + " where s.service_id = any(?) and s.metric = any(?)",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("varchar", services));
                    ps.setArray(2, ps.getConnection().createArrayOf("varchar", metrics));
                },
                rs -> {
                    SeriesKey key = new SeriesKey(rs.getString(1), rs.getString(2));
                    if (!wanted.contains(key)) {
                        return;
                    }
                    SeriesState state = read(rs.getString(3));
                    Timestamp silentAfter = rs.getTimestamp(5);
                    if (rs.getString(4) != null && silentAfter != null) {
                        state.noData = new NoDataMark(rs.getString(4), silentAfter.toInstant());
                    }
                    states.put(key, state);
                });
        return states;
    }

    /**
     * Writes these states; {@code existing} are the keys that {@link #load} found. last_observed_at only
     * moves forward: a late record must not make a reporting series look silent to the no-data monitor.
     */
    public void save(Map<SeriesKey, SeriesState> states, Set<SeriesKey> existing) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        states.forEach((key, state) -> {
            String json = write(state);
            Timestamp observed = state.lastObservedAt == null ? null : Timestamp.from(state.lastObservedAt);
            if (existing.contains(key)) {
                updates.add(new Object[] {json, now, state.ruleId, observed, observed, key.serviceId(), key.metric()});
            } else {
                inserts.add(new Object[] {key.serviceId(), key.metric(), json, now, state.ruleId, observed});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update threshold_state set state_json = ?, updated_at = ?, rule_id = ?,"
                    + " last_observed_at = greatest(coalesce(last_observed_at, ?), ?) where service_id = ? and metric = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into threshold_state (service_id, metric, state_json, updated_at, rule_id, last_observed_at)"
                    + " values (?, ?, ?, ?, ?, ?)",
                    inserts);
        }
    }

    private SeriesState read(String json) {
        try {
            return mapper.readValue(json, SeriesState.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable threshold state " + json, e);
        }
    }

    private String write(SeriesState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
