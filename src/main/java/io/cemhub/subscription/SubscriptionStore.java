package io.cemhub.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/** The subscriptions the hub knows, as JSON rows (table subscription). */
public class SubscriptionStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public SubscriptionStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public List<Subscription> all() {
        return jdbc.queryForList("select subscription_json from subscription order by created_at, id", String.class)
                .stream().map(this::read).toList();
    }

    public Optional<Subscription> find(String id) {
        return jdbc.queryForList("select subscription_json from subscription where id = ?", String.class, id).stream()
                .findFirst().map(this::read);
    }

    /** Inserts or replaces. */
    public void save(Subscription s) {
        int updated = jdbc.update("update subscription set origin = ?, subscription_json = ? where id = ?", s.origin(),
                write(s), s.id());
        if (updated == 0) {
            jdbc.update("insert into subscription (id, origin, subscription_json, created_at) values (?, ?, ?, ?)", s.id(),
                    s.origin(), write(s), Timestamp.from(s.createdAt()));
        }
    }

    public boolean delete(String id) {
        jdbc.update("delete from subscription_group_event where subscription_id = ?", id);
        jdbc.update("delete from subscription_group where subscription_id = ?", id);
        return jdbc.update("delete from subscription where id = ?", id) > 0;
    }

    private Subscription read(String json) {
        try {
            return mapper.readValue(json, Subscription.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable subscription row", e);
        }
    }

    private String write(Subscription s) {
        try {
            return mapper.writeValueAsString(s);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
