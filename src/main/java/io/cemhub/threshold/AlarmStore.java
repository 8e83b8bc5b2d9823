package io.cemhub.threshold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.Alarm;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * TMF642 alarms: the whole alarm as JSON beside the columns that filters need. An alarm is read with the
 * trouble ticket opened for it (table alarm_ticket, written by the vip-ticket process), so the reference
 * holds whatever JSON a concurrent writer stored.
 */
public class AlarmStore {

    private static final String SELECT = "select a.alarm_json, t.ticket_id, t.created_at from alarm a"
            + " left join alarm_ticket t on t.alarm_id = a.id";
    private static final String TICKET = "TroubleTicket";

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public AlarmStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void insert(Alarm alarm, String metric, String customerId) {
        jdbc.update("insert into alarm (id, service_id, customer_id, metric, alarm_json, state, ack_state,"
                        + " perceived_severity, raised_at, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                alarm.id(), alarm.alarmedObject(), customerId, metric, write(alarm), alarm.state(), alarm.ackState(),
                alarm.perceivedSeverity(), ts(alarm.alarmRaisedTime()), ts(changed(alarm)));
    }

    public void update(Alarm alarm) {
        jdbc.update("update alarm set alarm_json = ?, state = ?, ack_state = ?, perceived_severity = ?, changed_at = ?"
                        + " where id = ?", write(alarm), alarm.state(), alarm.ackState(), alarm.perceivedSeverity(),
                ts(changed(alarm)), alarm.id());
    }

    /** Inserts the alarm, or replaces it when a redelivered record raises it again. */
    public void upsert(Alarm alarm, String metric, String customerId) {
        if (find(alarm.id()).isPresent()) {
            update(alarm);
        } else {
            insert(alarm, metric, customerId);
        }
    }

    public Optional<Alarm> find(String id) {
        return jdbc.query(SELECT + " where a.id = ?", this::row, id).stream().findFirst();
    }

    /** The alarm, its row locked until the transaction ends (the caller changes it in that transaction). */
    public Optional<Alarm> findForUpdate(String id) {
        return jdbc.queryForList("select alarm_json from alarm where id = ? for update", String.class, id).stream()
                .findFirst().map(this::read);
    }

    /** Alarms matching the filter, newest raised first. */
    public List<Alarm> list(AlarmFilter filter, int offset, int limit) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        args.add(offset);
        args.add(limit);
        return jdbc.query(SELECT + where + " order by a.raised_at desc, a.id offset ? rows fetch next ? rows only",
                this::row, args.toArray());
    }

    public long count(AlarmFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = filter.where(args);
        return jdbc.queryForObject("select count(*) from alarm" + where, Long.class, args.toArray());
    }

    private static Instant changed(Alarm a) {
        return a.alarmChangedTime() != null ? a.alarmChangedTime() : a.alarmRaisedTime();
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private Alarm row(ResultSet rs, int row) throws SQLException {
        Alarm alarm = read(rs.getString(1));
        String ticket = rs.getString(2);
        Timestamp at = rs.getTimestamp(3);
        return ticket == null ? alarm
                : AlarmFactory.ticketed(alarm, new Alarm.TroubleTicketRef(ticket, at == null ? null : at.toInstant(), TICKET), null);
    }

    private Alarm read(String json) {
        try {
            return mapper.readValue(json, Alarm.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable alarm " + json, e);
        }
    }

    private String write(Alarm alarm) {
        try {
            return mapper.writeValueAsString(alarm);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
