package io.cemhub.threshold;

import io.cemhub.model.Measurement;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Stored measurements, for backtests and reports. Inserts are idempotent by (source system, id): a
 * record that arrives again is stored once.
 */
public class MeasurementStore {

    private final JdbcTemplate jdbc;

    public MeasurementStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @return per measurement: 0 when it was stored already (or twice in this list), else 1 or more */
    public int[] insert(List<Measurement> measurements) {
        List<Object[]> rows = new ArrayList<>(measurements.size());
        for (Measurement m : measurements) {
            String system = m.source() == null ? "" : m.source().system();
            rows.add(new Object[] {system, m.id(), m.serviceId(), m.customerId(), m.metric(), m.value(),
                    Timestamp.from(m.observedAt()), Timestamp.from(m.receivedAt())});
        }
        // H2 runs in PostgreSQL mode, so one statement serves both databases.
        return jdbc.batchUpdate("insert into measurement (source_system, id, service_id, customer_id, metric, num_value,"
                + " observed_at, received_at) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /** Streams a metric's stored values in time order per service, for backtests. */
    public void scan(String metric, String serviceId, Instant from, Instant to, Consumer<StoredValue> sink) {
        String sql = "select service_id, customer_id, num_value, observed_at from measurement where metric = ?"
                + " and observed_at >= ? and observed_at < ?" + (serviceId == null ? "" : " and service_id = ?")
                + " order by service_id, observed_at";
        List<Object> args = new ArrayList<>(List.of(metric, Timestamp.from(from), Timestamp.from(to)));
        if (serviceId != null) {
            args.add(serviceId);
        }
        jdbc.query(sql, rs -> {
            sink.accept(new StoredValue(rs.getString(1), rs.getString(2), rs.getDouble(3),
                    rs.getTimestamp(4).toInstant()));
        }, args.toArray());
    }

    /** The latest stored value of each metric of one service (Customer 360), by metric name. */
    public List<StoredMetric> latest(String serviceId) {
        List<StoredMetric> latest = new ArrayList<>();
        jdbc.query("select m.metric, m.num_value, m.observed_at from measurement m join (select metric,"
                + " max(observed_at) as last_at from measurement where service_id = ? group by metric) l"
                + " on m.metric = l.metric and m.observed_at = l.last_at where m.service_id = ? order by m.metric", rs -> {
                    String metric = rs.getString(1);
                    if (latest.isEmpty() || !latest.get(latest.size() - 1).metric().equals(metric)) {
                        latest.add(new StoredMetric(metric, rs.getDouble(2), rs.getTimestamp(3).toInstant()));
                    }
                }, serviceId, serviceId);
        return latest;
    }

    public int deleteObservedBefore(Instant cutoff) {
        return jdbc.update("delete from measurement where observed_at < ?", Timestamp.from(cutoff));
    }

    /** The latest value of one metric. */
    public record StoredMetric(String metric, double value, Instant observedAt) {
    }

    /** One stored sample. */
    public record StoredValue(String serviceId, String customerId, double value, Instant observedAt) {
    }
}
