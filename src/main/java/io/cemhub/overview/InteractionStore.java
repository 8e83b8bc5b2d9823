package io.cemhub.overview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.CustomerInteraction;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Customer interactions (tickets, payments, usage) as they left the pipeline, filed under the canonical
 * customer; idempotent by (source system, id), so a redelivered record is stored once.
 */
public class InteractionStore {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;

    public InteractionStore(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /** @param stored each interaction with the canonical customer id it is filed under */
    public void insert(List<Stored> stored) {
        List<Object[]> rows = new ArrayList<>(stored.size());
        for (Stored s : stored) {
            CustomerInteraction i = s.interaction();
            rows.add(new Object[] {i.source() == null ? "" : i.source().system(), i.id(), i.interactionType(),
                    s.customerId(), i.serviceId(), Timestamp.from(i.occurredAt()), write(i)});
        }
        jdbc.batchUpdate("insert into interaction (source_system, id, interaction_type, customer_id, service_id,"
                + " occurred_at, interaction_json) values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing", rows);
    }

    /** The customer's latest interactions, newest first. */
    public List<CustomerInteraction> recent(String customerId, int limit) {
        return jdbc.queryForList("select interaction_json from interaction where customer_id = ?"
                        + " order by occurred_at desc, id fetch first ? rows only", String.class, customerId, limit)
                .stream().map(this::read).toList();
    }

    private String write(CustomerInteraction i) {
        try {
            return mapper.writeValueAsString(i);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CustomerInteraction read(String json) {
        try {
            return mapper.readValue(json, CustomerInteraction.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable stored interaction", e);
        }
    }

    /** An interaction and the canonical customer it belongs to. */
    public record Stored(CustomerInteraction interaction, String customerId) {
    }
}
