package io.cemhub.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.EventEnvelope;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a partition's checkpoint holds: the ingest messages of that partition whose evaluation the last
 * database transaction committed but whose JMS acknowledgement may not have happened, each with the
 * evaluation events beyond its records' own. Stored as {@code {"messages":[{"id":..,"events":[..]}]}};
 * a checkpoint written before many messages shared a transaction (a bare list of events, the message id
 * in its own column) reads as one entry.
 *
 * <p>Why a list: the pipeline takes many messages per transaction. After a failure between the database
 * commit and the JMS commit, all of them come again, but not necessarily in one transaction (a redelivered
 * message is taken alone) and not necessarily before the partition's next messages (the broker's
 * redelivery delay). So the next checkpoints keep the messages not seen again and not known to be
 * acknowledged ({@link CheckpointAcks}), for {@code cem.pipeline.checkpoint-horizon} ({@link #next}).
 */
public final class MessageCheckpoint {

    /** The longest checkpoint the column takes (pipeline_checkpoint.events_json). */
    static final int MAX_CHARS = 1_000_000;

    private MessageCheckpoint() {
    }

    /**
     * An ingest message applied, when (epoch ms, 0 if not known), and its extra events with the index of the
     * record (in the message) that caused each.
     */
    public record Entry(String id, long at, List<StoredEvent> events) {
    }

    /** An evaluation event as kept in the checkpoint. */
    public record StoredEvent(int item, EventEnvelope event) {
    }

    record Stored(List<Entry> messages) {
    }

    public static List<Entry> read(ObjectMapper mapper, CheckpointStore.Checkpoint checkpoint) {
        String json = checkpoint.eventsJson() == null ? "[]" : checkpoint.eventsJson().strip();
        try {
            if (json.startsWith("{")) {
                return mapper.readValue(json, Stored.class).messages();
            }
            List<StoredEvent> events = List.of(mapper.readValue(json, StoredEvent[].class));
            return List.of(new Entry(checkpoint.messageId(), 0, events));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("unreadable checkpoint of message " + checkpoint.messageId(), e);
        }
    }

    public static String write(ObjectMapper mapper, List<Entry> entries) {
        try {
            return mapper.writeValueAsString(new Stored(entries));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The partition's next checkpoint: the messages of this transaction (restored or new), then those of
     * the previous checkpoint that this transaction did not take, that are not known to be acknowledged, and
     * that were applied at or after {@code keepSince} (epoch ms): they may still come again.
     */
    public static List<Entry> next(List<Entry> previous, List<Entry> now, Predicate<String> acknowledged,
                                   long keepSince) {
        Set<String> taken = new HashSet<>();
        now.forEach(e -> taken.add(e.id()));
        List<Entry> next = new ArrayList<>(now);
        for (Entry pending : previous) {
            if (!taken.contains(pending.id()) && !acknowledged.test(pending.id()) && pending.at() >= keepSince) {
                next.add(pending);
            }
        }
        return next;
    }
}
