package io.cemhub.threshold;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Maintenance windows and silences for a service, customer or device. The current list is read from the
 * database at most every {@code refresh}, so a silence set on one instance reaches the others.
 */
public class SilenceService {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration refresh;
    private volatile List<Silence> cached = List.of();
    private volatile Instant loadedAt = Instant.EPOCH;

    public SilenceService(JdbcTemplate jdbc, Clock clock, Duration refresh) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.refresh = refresh;
    }

    /** Is any silence active now for this service or customer (a device is named by its snmp service id)? */
    public boolean silenced(String serviceId, String customerId) {
        Instant now = clock.instant();
        return current(now).stream().anyMatch(s -> s.covers(now)
                && (("service".equals(s.scopeType()) || "device".equals(s.scopeType())) && Objects.equals(s.scopeValue(), serviceId)
                || "customer".equals(s.scopeType()) && Objects.equals(s.scopeValue(), customerId)));
    }

    public Silence create(String scopeType, String scopeValue, Instant startsAt, Instant endsAt, String reason, String actor) {
        Silence s = new Silence(UUID.randomUUID().toString(), scopeType, scopeValue, startsAt, endsAt, reason, actor);
        jdbc.update("insert into silence (id, scope_type, scope_value, starts_at, ends_at, reason, created_by)"
                        + " values (?, ?, ?, ?, ?, ?, ?)", s.id(), scopeType, scopeValue, Timestamp.from(startsAt),
                Timestamp.from(endsAt), reason, actor);
        loadedAt = Instant.EPOCH;
        return s;
    }

    public boolean delete(String id) {
        boolean deleted = jdbc.update("delete from silence where id = ?", id) > 0;
        loadedAt = Instant.EPOCH;
        return deleted;
    }

    public List<Silence> all() {
        return jdbc.query("select id, scope_type, scope_value, starts_at, ends_at, reason, created_by from silence"
                + " order by starts_at", (rs, n) -> new Silence(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
    }

    private List<Silence> current(Instant now) {
        if (Duration.between(loadedAt, now).compareTo(refresh) >= 0) {
            cached = jdbc.query("select id, scope_type, scope_value, starts_at, ends_at, reason, created_by from silence"
                            + " where ends_at > ?", (rs, n) -> new Silence(rs.getString(1), rs.getString(2),
                            rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant(),
                            rs.getString(6), rs.getString(7)), Timestamp.from(now));
            loadedAt = now;
        }
        return cached;
    }

    /** A maintenance window: scopeType service, customer or device. */
    public record Silence(String id, String scopeType, String scopeValue, Instant startsAt, Instant endsAt,
                          String reason, String createdBy) {

        boolean covers(Instant t) {
            return !t.isBefore(startsAt) && t.isBefore(endsAt);
        }
    }
}
