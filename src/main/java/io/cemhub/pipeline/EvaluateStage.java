package io.cemhub.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.EventEnvelope;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Creates each record's own event, then runs every {@link Evaluator} in ONE database transaction that
 * also records the partition's checkpoint (this message's id and the events evaluation produced). If the
 * hub dies after that commit but before the JMS commit, the message comes back: the checkpoint
 * recognises it, and the stored events are published again instead of evaluating twice. Records the
 * resolve stage held make no event here: they are stored as held in the same transaction.
 */
public class EvaluateStage implements Processor {

    private static final TypeReference<List<StoredEvent>> STORED = new TypeReference<>() { };

    private final EventFactory events;
    private final List<Evaluator> evaluators;
    private final CheckpointStore checkpoints;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final HoldWriter hold;

    public EvaluateStage(EventFactory events, List<Evaluator> evaluators, CheckpointStore checkpoints,
                         TransactionTemplate transaction, ObjectMapper mapper, HoldWriter hold) {
        this.hold = hold;
        this.events = events;
        this.evaluators = List.copyOf(evaluators);
        this.checkpoints = checkpoints;
        this.transaction = transaction;
        this.mapper = mapper;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<PipelineItem> items = exchange.getMessage().getBody(List.class);
        List<PipelineItem> flowing = new ArrayList<>(items.size());
        List<PipelineItem> held = new ArrayList<>();
        for (PipelineItem item : items) {
            if (item.isHeld()) {
                held.add(item);
            } else {
                item.events().add(events.recordEvent(item));
                flowing.add(item);
            }
        }
        String partition = exchange.getMessage().getHeader("JMSXGroupID", String.class);
        String messageId = exchange.getMessage().getHeader("JMSMessageID", String.class);
        transaction.executeWithoutResult(status -> {
            Optional<CheckpointStore.Checkpoint> last = partition == null ? Optional.empty() : checkpoints.find(partition);
            if (last.isPresent() && last.get().messageId().equals(messageId)) {
                restore(items, last.get().eventsJson());
                return;
            }
            if (!held.isEmpty()) {
                hold.hold(held);
            }
            for (Evaluator evaluator : evaluators) {
                evaluator.evaluate(flowing);
            }
            if (partition != null && messageId != null) {
                checkpoints.save(partition, messageId, write(items));
            }
        });
    }

    /** The events beyond each record's own, with the index of the record that caused them. */
    private String write(List<PipelineItem> items) {
        List<StoredEvent> extra = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<EventEnvelope> list = items.get(i).events();
            for (int e = 1; e < list.size(); e++) {
                extra.add(new StoredEvent(i, list.get(e)));
            }
        }
        try {
            return mapper.writeValueAsString(extra);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void restore(List<PipelineItem> items, String json) {
        try {
            for (StoredEvent stored : mapper.readValue(json == null ? "[]" : json, STORED)) {
                items.get(stored.item()).events().add(stored.event());
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable checkpoint events", e);
        }
    }

    /** An evaluation event as kept in the checkpoint. */
    record StoredEvent(int item, EventEnvelope event) {
    }
}
