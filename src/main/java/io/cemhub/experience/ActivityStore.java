package io.cemhub.experience;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * What happened to customers in a period besides KPIs: alarms (count raised, minutes open within the
 * period) per customer and per service, trouble tickets and payment trouble (an overdue payment or a low
 * balance from billing) per customer. One query each for all customers, or for one.
 */
public class ActivityStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public ActivityStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** Alarms raised in the period and minutes any alarm was open within it. */
    public record AlarmTotals(long raised, double minutes) {
        AlarmTotals plus(AlarmTotals o) {
            return new AlarmTotals(raised + o.raised, minutes + o.minutes);
        }
    }

    public record Interactions(long tickets, long paymentTrouble) {
    }

    public record Alarms(Map<String, AlarmTotals> byCustomer, Map<String, AlarmTotals> byService) {
        public AlarmTotals customer(String id) {
            return byCustomer.getOrDefault(id, new AlarmTotals(0, 0));
        }

        public AlarmTotals service(String id) {
            return byService.getOrDefault(id, new AlarmTotals(0, 0));
        }
    }

    /** @param customerId one customer, or null for all; an open alarm counts until {@code now} */
    public Alarms alarms(String customerId, Instant from, Instant to, Instant now) {
        Map<String, AlarmTotals> byCustomer = new HashMap<>();
        Map<String, AlarmTotals> byService = new HashMap<>();
        // A cleared alarm's changed_at is at or after its clearing: the filter keeps every alarm open in the period.
        jdbc.query("select customer_id, service_id, raised_at, state, alarm_json from alarm where raised_at < ?"
                + " and (state <> 'cleared' or changed_at >= ?)" + (customerId == null ? "" : " and customer_id = ?"), rs -> {
                    Instant raised = rs.getTimestamp(3).toInstant();
                    Instant end = "cleared".equals(rs.getString(4)) ? clearedAt(rs.getString(5), now) : now;
                    Instant a = raised.isBefore(from) ? from : raised;
                    Instant b = end.isAfter(to) ? to : end;
                    double minutes = b.isAfter(a) ? Duration.between(a, b).toMillis() / 60_000.0 : 0;
                    boolean raisedHere = !raised.isBefore(from) && raised.isBefore(to);
                    if (minutes == 0 && !raisedHere) {
                        return;
                    }
                    AlarmTotals t = new AlarmTotals(raisedHere ? 1 : 0, minutes);
                    if (rs.getString(1) != null) {
                        byCustomer.merge(rs.getString(1), t, AlarmTotals::plus);
                    }
                    byService.merge(rs.getString(2), t, AlarmTotals::plus);
                }, args(customerId, Timestamp.from(to), Timestamp.from(from)));
        return new Alarms(byCustomer, byService);
    }

    /** Trouble tickets and payment trouble per customer in [from, to). */
    public Map<String, Interactions> interactions(String customerId, Instant from, Instant to) {
        Map<String, Interactions> result = new HashMap<>();
        jdbc.query("select customer_id, sum(case when interaction_type = 'troubleTicket' then 1 else 0 end),"
                + " sum(case when interaction_type in ('payment', 'balance') and (interaction_json like '%\"paymentOverdue\"%'"
                + " or interaction_json like '%\"balanceLow\"%') then 1 else 0 end) from interaction"
                + " where occurred_at >= ? and occurred_at < ?" + (customerId == null ? "" : " and customer_id = ?")
                + " group by customer_id", rs -> {
                    result.put(rs.getString(1), new Interactions(rs.getLong(2), rs.getLong(3)));
                }, args(customerId, Timestamp.from(from), Timestamp.from(to)));
        return result;
    }

    private Instant clearedAt(String json, Instant fallback) {
        try {
            JsonNode cleared = mapper.readTree(json).path("alarmClearedTime");
            return cleared.isTextual() ? Instant.parse(cleared.asText()) : fallback;
        } catch (Exception e) {
            return fallback;
        }
    }

    private static Object[] args(String customerId, Object a, Object b) {
        return customerId == null ? new Object[] {a, b} : new Object[] {a, b, customerId};
    }
}
