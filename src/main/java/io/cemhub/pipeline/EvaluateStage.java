package io.cemhub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.EventEnvelope;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.transaction.support.TransactionTemplate;

import io.cemhub.ingest.JmsDrain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Creates each record's own event, then runs every {@link Evaluator} in ONE database transaction that
 * also records each partition's checkpoint (the ids of this transaction's ingest messages and the events
 * their evaluation produced, see {@link MessageCheckpoint}). If the hub dies after that commit but before
 * the JMS commit, the messages come back: the checkpoint recognises each, and its stored events are
 * published again instead of evaluating twice; messages new to the checkpoint in the same transaction are
 * evaluated. After the JMS commit, {@link CheckpointAcks} learns that this transaction's messages are
 * acknowledged, so that the next checkpoint of their partition can forget them. Records the resolve stage held make no event here: they are stored as held in the same
 * transaction.
 */
public class EvaluateStage implements Processor {

    private final EventFactory events;
    private final List<Evaluator> evaluators;
    private final CheckpointStore checkpoints;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final HoldWriter hold;
    private final CheckpointAcks acks;
    private final long horizonMillis;

    /**
     * @param horizon how long a checkpointed message not known to be acknowledged is kept for when it
     *                comes again ({@code cem.pipeline.checkpoint-horizon})
     */
    public EvaluateStage(EventFactory events, List<Evaluator> evaluators, CheckpointStore checkpoints,
                         TransactionTemplate transaction, ObjectMapper mapper, HoldWriter hold, CheckpointAcks acks,
                         Duration horizon) {
        this.hold = hold;
        this.acks = acks;
        this.horizonMillis = horizon.toMillis();
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
        for (PipelineItem item : items) {
            item.events().clear(); // a retry in place (transient database failure) starts afresh
            if (!item.isHeld()) {
                item.events().add(events.recordEvent(item));
            }
        }
        Map<IngestMessage, List<PipelineItem>> messages = byMessage(items);
        transaction.executeWithoutResult(status -> {
            Map<String, List<MessageCheckpoint.Entry>> previous = previous(messages.keySet());
            List<PipelineItem> flowing = new ArrayList<>(items.size());
            List<PipelineItem> held = new ArrayList<>();
            for (Map.Entry<IngestMessage, List<PipelineItem>> message : messages.entrySet()) {
                MessageCheckpoint.Entry stored = storedEntry(previous, message.getKey());
                if (stored != null) {
                    restore(message.getValue(), stored);
                    continue;
                }
                for (PipelineItem item : message.getValue()) {
                    (item.isHeld() ? held : flowing).add(item);
                }
            }
            if (!held.isEmpty()) {
                hold.hold(held);
            }
            for (Evaluator evaluator : evaluators) {
                evaluator.evaluate(flowing);
            }
            checkpoints.save(next(messages, previous));
        });
        Map<String, Set<String>> applied = applied(messages.keySet());
        if (!applied.isEmpty()) {
            JmsDrain.afterCommit(() -> acks.committed(applied));
        }
    }

    /** This transaction's checkpointed messages, by partition. */
    private static Map<String, Set<String>> applied(Set<IngestMessage> messages) {
        Map<String, Set<String>> applied = new HashMap<>();
        for (IngestMessage message : messages) {
            if (message.checkpointed()) {
                applied.computeIfAbsent(message.partition(), p -> new HashSet<>()).add(message.id());
            }
        }
        return applied;
    }

    /** The records of each ingest message, messages in the order received (IngestMessage: one instance per message). */
    private static Map<IngestMessage, List<PipelineItem>> byMessage(List<PipelineItem> items) {
        Map<IngestMessage, List<PipelineItem>> messages = new LinkedHashMap<>();
        for (PipelineItem item : items) {
            messages.computeIfAbsent(item.message(), m -> new ArrayList<>()).add(item);
        }
        return messages;
    }

    private Map<String, List<MessageCheckpoint.Entry>> previous(Set<IngestMessage> messages) {
        Set<String> partitions = new HashSet<>();
        for (IngestMessage message : messages) {
            if (message.checkpointed()) {
                partitions.add(message.partition());
            }
        }
        Map<String, List<MessageCheckpoint.Entry>> previous = new LinkedHashMap<>();
        checkpoints.find(partitions).forEach((partition, checkpoint) ->
                previous.put(partition, MessageCheckpoint.read(mapper, checkpoint)));
        return previous;
    }

    private static MessageCheckpoint.Entry storedEntry(Map<String, List<MessageCheckpoint.Entry>> previous,
                                                       IngestMessage message) {
        if (!message.checkpointed()) {
            return null;
        }
        for (MessageCheckpoint.Entry entry : previous.getOrDefault(message.partition(), List.of())) {
            if (entry.id().equals(message.id())) {
                return entry;
            }
        }
        return null;
    }

    /** Each partition's next checkpoint, as JSON, with the id of its last message. */
    private Map<String, CheckpointStore.Checkpoint> next(Map<IngestMessage, List<PipelineItem>> messages,
                                                         Map<String, List<MessageCheckpoint.Entry>> previous) {
        long at = System.currentTimeMillis();
        Map<String, List<MessageCheckpoint.Entry>> now = new LinkedHashMap<>();
        for (Map.Entry<IngestMessage, List<PipelineItem>> message : messages.entrySet()) {
            IngestMessage key = message.getKey();
            if (key.checkpointed()) {
                now.computeIfAbsent(key.partition(), p -> new ArrayList<>())
                        .add(new MessageCheckpoint.Entry(key.id(), at, extraEvents(message.getValue())));
            }
        }
        Map<String, CheckpointStore.Checkpoint> next = new LinkedHashMap<>();
        now.forEach((partition, entries) -> {
            List<MessageCheckpoint.Entry> all = MessageCheckpoint.next(previous.getOrDefault(partition, List.of()),
                    entries, id -> acks.isAcknowledged(partition, id), at - horizonMillis);
            String json = MessageCheckpoint.write(mapper, all);
            if (json.length() > MessageCheckpoint.MAX_CHARS && messages.size() > 1) {
                // rolled back: the broker redelivers, and a redelivered message is taken alone
                throw new IllegalStateException("the checkpoint of partition " + partition + " for "
                        + messages.size() + " messages would exceed " + MessageCheckpoint.MAX_CHARS
                        + " characters: the transaction is rolled back and its messages come again one by one");
            }
            next.put(partition, new CheckpointStore.Checkpoint(entries.get(entries.size() - 1).id(), json));
        });
        return next;
    }

    /** The events beyond each record's own, with the index (in its message) of the record that caused them. */
    private static List<MessageCheckpoint.StoredEvent> extraEvents(List<PipelineItem> items) {
        List<MessageCheckpoint.StoredEvent> extra = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<EventEnvelope> list = items.get(i).events();
            for (int e = 1; e < list.size(); e++) {
                extra.add(new MessageCheckpoint.StoredEvent(i, list.get(e)));
            }
        }
        return extra;
    }

    private static void restore(List<PipelineItem> items, MessageCheckpoint.Entry stored) {
        for (MessageCheckpoint.StoredEvent event : stored.events()) {
            items.get(event.item()).events().add(event.event());
        }
    }
}
