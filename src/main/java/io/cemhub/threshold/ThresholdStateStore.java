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
import java.util.List;
import java.util.Map;

/** Series state rows, read and written a batch at a time inside the pipeline's database transaction. */
public class ThresholdStateStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public ThresholdStateStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * The stored states of these series; series never evaluated before are absent. One constant
     * statement per series: a message holds few series, and a constant statement stays parsed.
     */
    public Map<SeriesKey, SeriesState> load(Collection<SeriesKey> keys) {
        Map<SeriesKey, SeriesState> states = new HashMap<>();
        for (SeriesKey key : keys) {
            jdbc.query("select state_json from threshold_state where service_id = ? and metric = ?",
                    rs -> { states.put(key, read(rs.getString(1))); }, key.serviceId(), key.metric());
        }
        return states;
    }

    /** Writes these states; {@code existing} are the keys that {@link #load} found. */
    public void save(Map<SeriesKey, SeriesState> states, java.util.Set<SeriesKey> existing) {
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        states.forEach((key, state) -> {
            String json = write(state);
            if (existing.contains(key)) {
                updates.add(new Object[] {json, now, key.serviceId(), key.metric()});
            } else {
                inserts.add(new Object[] {key.serviceId(), key.metric(), json, now});
            }
        });
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("update threshold_state set state_json = ?, updated_at = ? where service_id = ? and metric = ?",
                    updates);
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("insert into threshold_state (service_id, metric, state_json, updated_at) values (?, ?, ?, ?)",
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
