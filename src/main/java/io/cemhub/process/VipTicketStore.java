package io.cemhub.process;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The vip-ticket process's queries: the alarms due for a ticket, and the alarm_ticket row (Flyway V15) that
 * records the ticket, one per alarm (its primary key).
 */
public class VipTicketStore {

    static final String PROCESS = "vip-ticket";

    private final JdbcTemplate jdbc;

    public VipTicketStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An alarm due for a ticket, with the customer (and what makes it VIP) from the registry. */
    public record Due(String alarmId, String serviceId, String customerId, String segment, String slaTier,
                      String severity, Instant raisedAt) {
    }

    /**
     * Active alarms of the given severities raised before {@code raisedBefore}, on a service whose customer
     * (the registry's owner of the service, else the customer the alarm named) is in one of the segments or
     * tiers, without a ticket yet; oldest first.
     */
    public List<Due> due(Instant raisedBefore, List<String> severities, List<String> segments, List<String> tiers,
                         int limit) {
        if (severities.isEmpty() || segments.isEmpty() && tiers.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(Timestamp.from(raisedBefore));
        args.addAll(severities);
        StringBuilder vip = new StringBuilder();
        if (!segments.isEmpty()) {
            vip.append("lower(c.segment) in (").append(marks(segments.size())).append(')');
            segments.forEach(s -> args.add(s.toLowerCase(Locale.ROOT)));
        }
        if (!tiers.isEmpty()) {
            vip.append(vip.length() == 0 ? "" : " or ").append("lower(c.sla_tier) in (").append(marks(tiers.size())).append(')');
            tiers.forEach(t -> args.add(t.toLowerCase(Locale.ROOT)));
        }
        args.add(limit);
        return jdbc.query("select a.id, a.service_id, c.id, c.segment, c.sla_tier, a.perceived_severity, a.raised_at"
                        + " from alarm a left join service s on s.id = a.service_id"
                        + " join customer c on c.id = coalesce(s.customer_id, a.customer_id)"
                        + " where a.state in ('raised', 'updated') and a.raised_at <= ?"
                        + " and a.perceived_severity in (" + marks(severities.size()) + ")"
                        + " and (" + vip + ")"
                        + " and not exists (select 1 from alarm_ticket t where t.alarm_id = a.id)"
                        + " order by a.raised_at, a.id fetch first ? rows only",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getTimestamp(7).toInstant()), args.toArray());
    }

    /**
     * Records the alarm's ticket; false when the alarm has one already (a pass before, another instance) or is
     * gone. Two instances recording at the very same moment: the loser gets a {@link
     * org.springframework.dao.DuplicateKeyException} (its transaction must roll back).
     */
    public boolean record(String alarmId, String ticketId, Instant at) {
        // Typed parameters: PostgreSQL reads an untyped select-list parameter as text.
        return jdbc.update("insert into alarm_ticket (alarm_id, ticket_id, process, created_at)"
                        + " select a.id, cast(? as varchar(128)), cast(? as varchar(32)), cast(? as timestamp with time zone)"
                        + " from alarm a where a.id = ? and not exists (select 1 from alarm_ticket t where t.alarm_id = a.id)",
                ticketId, PROCESS, Timestamp.from(at), alarmId) == 1;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
