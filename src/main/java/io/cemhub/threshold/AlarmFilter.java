package io.cemhub.threshold;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Filters of the TMF642 alarm listing; null fields do not filter. */
public record AlarmFilter(String state, String perceivedSeverity, String alarmedObject, String customerId,
                          String ackState, Instant raisedFrom, Instant raisedTo) {

    public static AlarmFilter none() {
        return new AlarmFilter(null, null, null, null, null, null, null);
    }

    String where(List<Object> args) {
        StringBuilder sql = new StringBuilder();
        add(sql, args, "state = ?", state);
        add(sql, args, "perceived_severity = ?", perceivedSeverity);
        add(sql, args, "service_id = ?", alarmedObject);
        add(sql, args, "customer_id = ?", customerId);
        add(sql, args, "ack_state = ?", ackState);
        add(sql, args, "raised_at >= ?", raisedFrom == null ? null : Timestamp.from(raisedFrom));
        add(sql, args, "raised_at < ?", raisedTo == null ? null : Timestamp.from(raisedTo));
        return sql.toString();
    }

    private static void add(StringBuilder sql, List<Object> args, String condition, Object value) {
        if (value != null) {
            sql.append(sql.length() == 0 ? " where " : " and ").append(condition);
            args.add(value);
        }
    }
}
