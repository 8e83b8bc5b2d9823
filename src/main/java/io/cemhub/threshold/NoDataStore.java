package io.cemhub.threshold;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The no-data table: one row per active no-data alarm. Reads threshold_state but never writes it (the
 * pipeline owns those rows while it processes their partition).
 */
public class NoDataStore {

    private final JdbcTemplate jdbc;

    public NoDataStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A series governed by a no-data rule that has not reported since {@code lastObservedAt}. */
    public record Silent(String serviceId, String metric, Timestamp lastObservedAt) {
    }

    /** An active no-data alarm with what its series looks like now. */
    public record Active(String serviceId, String metric, String alarmId, Instant silentAfter, Instant lastObservedAt,
                         String ruleId) {

        /** Data newer than the silence has been stored since the alarm was raised. */
        public boolean resumed() {
            return lastObservedAt != null && lastObservedAt.isAfter(silentAfter);
        }
    }

    /** Series last governed by this rule, silent since before {@code cutoff}, without a no-data alarm yet. */
    public List<Silent> silent(String ruleId, String metric, Instant cutoff, int limit) {
        return jdbc.query("select t.service_id, t.metric, t.last_observed_at from threshold_state t"
                        + " where t.rule_id = ? and t.metric = ? and t.last_observed_at < ? and not exists"
                        + " (select 1 from no_data_alarm n where n.service_id = t.service_id and n.metric = t.metric)"
                        + " order by t.last_observed_at fetch first ? rows only",
                (rs, i) -> new Silent(rs.getString(1), rs.getString(2), rs.getTimestamp(3)),
                ruleId, metric, Timestamp.from(cutoff), limit);
    }

    /**
     * Records the alarm unless the series has reported since the scan or already has one. The primary key
     * refuses a second row when another instance got there first (DuplicateKeyException).
     *
     * @return whether this call recorded it (and so is the one to notify)
     */
    public boolean insert(Silent series, String alarmId, Instant now) {
        return jdbc.update("insert into no_data_alarm (service_id, metric, alarm_id, last_observed_at, raised_at)"
                        // Typed parameters: PostgreSQL reads an untyped select-list parameter as text.
                        + " select t.service_id, t.metric, cast(? as varchar(64)), t.last_observed_at,"
                        + " cast(? as timestamp with time zone) from threshold_state t"
                        + " where t.service_id = ? and t.metric = ? and t.last_observed_at = ? and not exists"
                        + " (select 1 from no_data_alarm n where n.service_id = t.service_id and n.metric = t.metric)",
                alarmId, Timestamp.from(now), series.serviceId(), series.metric(), series.lastObservedAt()) == 1;
    }

    /** Every active no-data alarm; the table only holds active ones, so it stays small. */
    public List<Active> active() {
        return jdbc.query("select n.service_id, n.metric, n.alarm_id, n.last_observed_at, t.last_observed_at, t.rule_id"
                        + " from no_data_alarm n left join threshold_state t"
                        + " on t.service_id = n.service_id and t.metric = n.metric",
                (rs, i) -> new Active(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), instant(rs.getTimestamp(5)), rs.getString(6)));
    }

    /** @return whether this call removed the row: of concurrent clears, only that one notifies */
    public boolean delete(String serviceId, String metric, String alarmId) {
        return jdbc.update("delete from no_data_alarm where service_id = ? and metric = ? and alarm_id = ?",
                serviceId, metric, alarmId) == 1;
    }

    private static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
