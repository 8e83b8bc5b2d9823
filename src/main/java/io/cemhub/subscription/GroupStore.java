package io.cemhub.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events of grouped subscriptions waiting for their group's notification (Alertmanager's grouping):
 * a group is due once its oldest waiting event is groupWait old and the group was last notified at
 * least groupInterval ago. Kept in the database, so that nothing waits only in memory.
 */
public class GroupStore {

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() { };

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public GroupStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** The group of an event: its values of the subscription's groupBy fields, e.g. "customerId=C1|segment=VIP". */
    static String key(Subscription s, QueuedEvent e) {
        StringBuilder key = new StringBuilder();
        for (String field : s.groupBy()) {
            if (key.length() > 0) {
                key.append('|');
            }
            String value = e.property(field);
            key.append(field).append('=').append(value == null ? "" : value);
        }
        return key.toString();
    }

    /** Adds an event to its group; an event already there (a redelivered message) is not added twice. */
    void add(Subscription s, String groupKey, QueuedEvent e, Instant now) {
        try {
            jdbc.update("insert into subscription_group_event (subscription_id, group_key, event_id, published_at, added_at,"
                            + " properties_json, body) values (?, ?, ?, ?, ?, ?, ?)", s.id(), groupKey, e.eventId(),
                    Timestamp.from(Instant.ofEpochMilli(e.publishedAt())), Timestamp.from(now), json(e.properties()), e.body());
        } catch (DuplicateKeyException alreadyThere) {
            // taken in before a crash between the database commit and the JMS acknowledgement
        }
    }

    /** Groups with waiting events whose notification is due now. */
    List<String> due(Subscription s, Instant now) {
        Timestamp waitedSince = Timestamp.from(now.minus(s.groupWait()));
        Timestamp sentBefore = Timestamp.from(now.minus(s.groupInterval()));
        return jdbc.queryForList("select e.group_key from subscription_group_event e left join subscription_group g"
                        + " on g.subscription_id = e.subscription_id and g.group_key = e.group_key"
                        + " where e.subscription_id = ? group by e.group_key, g.last_sent_at"
                        + " having min(e.added_at) <= ? and (g.last_sent_at is null or g.last_sent_at <= ?)",
                String.class, s.id(), waitedSince, sentBefore);
    }

    /** The group's waiting events, oldest first, at most limit. */
    List<Waiting> waiting(Subscription s, String groupKey, int limit) {
        return jdbc.query("select seq, event_id, published_at, properties_json, body from subscription_group_event"
                        + " where subscription_id = ? and group_key = ? order by seq limit ?",
                (rs, n) -> new Waiting(rs.getLong(1), new QueuedEvent(rs.getString(2), rs.getString(5),
                        properties(rs.getString(4)), rs.getTimestamp(3).getTime())), s.id(), groupKey, limit);
    }

    /** Removes notified (or dead-lettered) events and notes when the group was notified. */
    void done(Subscription s, String groupKey, List<Waiting> events, Instant sentAt) {
        List<Object[]> rows = new ArrayList<>();
        for (Waiting w : events) {
            rows.add(new Object[] {w.seq()});
        }
        jdbc.batchUpdate("delete from subscription_group_event where seq = ?", rows);
        if (jdbc.update("update subscription_group set last_sent_at = ? where subscription_id = ? and group_key = ?",
                Timestamp.from(sentAt), s.id(), groupKey) == 0) {
            jdbc.update("insert into subscription_group (subscription_id, group_key, last_sent_at) values (?, ?, ?)",
                    s.id(), groupKey, Timestamp.from(sentAt));
        }
    }

    /** Events waiting in groups of a subscription. */
    long pending(String subscriptionId) {
        Long n = jdbc.queryForObject("select count(*) from subscription_group_event where subscription_id = ?", Long.class,
                subscriptionId);
        return n == null ? 0 : n;
    }

    /** Forgets groups not notified for a long time, so that the table of groups does not grow forever. */
    int forgetIdle(Duration idle, Instant now) {
        return jdbc.update("delete from subscription_group g where g.last_sent_at < ? and not exists (select 1 from"
                + " subscription_group_event e where e.subscription_id = g.subscription_id and e.group_key = g.group_key)",
                Timestamp.from(now.minus(idle)));
    }

    private String json(Map<String, String> properties) {
        try {
            return mapper.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> properties(String json) {
        try {
            return mapper.readValue(json, PROPERTIES);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A waiting event and its row. */
    record Waiting(long seq, QueuedEvent event) {
    }
}
