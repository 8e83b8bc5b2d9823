package io.cemhub.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.CemJson;
import io.cemhub.model.EventEnvelope;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MessageCheckpointTest {

    private static final ObjectMapper JSON = CemJson.newMapper();
    private static final EventFactory EVENTS = new EventFactory(Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"),
            ZoneOffset.UTC));

    private static MessageCheckpoint.Entry entry(String id, int events) {
        return entry(id, 1_000, events);
    }

    private static MessageCheckpoint.Entry entry(String id, long at, int events) {
        List<MessageCheckpoint.StoredEvent> stored = new java.util.ArrayList<>();
        for (int i = 0; i < events; i++) {
            EventEnvelope e = EVENTS.envelope("ev-" + id + "-" + i, "AlarmCreateEvent", "rec-" + i, "alarm", "high",
                    "cem-hub", Map.of("alarm", Map.of("id", "A-" + i)));
            stored.add(new MessageCheckpoint.StoredEvent(i, e));
        }
        return new MessageCheckpoint.Entry(id, at, stored);
    }

    private static List<String> ids(List<MessageCheckpoint.Entry> entries) {
        return entries.stream().map(MessageCheckpoint.Entry::id).toList();
    }

    @Test
    void aCheckpointWrittenBeforeDrainsReadsAsOneMessageWithItsEvents() throws Exception {
        String old = JSON.writeValueAsString(entry("ignored", 2).events());

        List<MessageCheckpoint.Entry> read = MessageCheckpoint.read(JSON, new CheckpointStore.Checkpoint("ID:old", old));

        assertThat(ids(read)).containsExactly("ID:old");
        assertThat(read.get(0).events()).extracting(MessageCheckpoint.StoredEvent::item).containsExactly(0, 1);
        assertThat(read.get(0).events().get(1).event().eventId()).isEqualTo("ev-ignored-1");
    }

    @Test
    void manyMessagesWithTheirEventsSurviveWritingAndReading() {
        List<MessageCheckpoint.Entry> entries = List.of(entry("ID:a", 0), entry("ID:b", 3), entry("ID:c", 1));

        String json = MessageCheckpoint.write(JSON, entries);
        List<MessageCheckpoint.Entry> read = MessageCheckpoint.read(JSON, new CheckpointStore.Checkpoint("ID:c", json));

        assertThat(ids(read)).containsExactly("ID:a", "ID:b", "ID:c");
        assertThat(read.get(1).events()).extracting(e -> e.event().eventId())
                .containsExactly("ev-ID:b-0", "ev-ID:b-1", "ev-ID:b-2");
        assertThat(read.get(0).events()).isEmpty();
    }

    @Test
    void messagesNotSeenAgainAndNotKnownAcknowledgedAreKeptWithinTheHorizon() {
        // ID:a and ID:b were applied together; their JMS commit failed; ID:x overtook them (redelivery delay)
        List<MessageCheckpoint.Entry> previous = List.of(entry("ID:a", 1), entry("ID:b", 2));

        List<MessageCheckpoint.Entry> next = MessageCheckpoint.next(previous, List.of(entry("ID:x", 0)), id -> false, 500);
        assertThat(ids(next)).containsExactly("ID:x", "ID:a", "ID:b");
        assertThat(next.get(2).events()).hasSize(2);

        // ID:x's commit was seen; ID:a comes back alone (redelivered): ID:b is still to come
        Set<String> acknowledged = Set.of("ID:x");
        next = MessageCheckpoint.next(next, List.of(entry("ID:a", 1)), acknowledged::contains, 500);
        assertThat(ids(next)).containsExactly("ID:a", "ID:b");
    }

    @Test
    void acknowledgedMessagesAndThoseOlderThanTheHorizonAreForgotten() {
        List<MessageCheckpoint.Entry> previous = List.of(entry("ID:a", 100, 1), entry("ID:b", 900, 0),
                entry("ID:c", 900, 0));

        List<MessageCheckpoint.Entry> next = MessageCheckpoint.next(previous, List.of(entry("ID:y", 1)),
                Set.of("ID:c")::contains, 500);

        assertThat(ids(next)).as("ID:a too old, ID:c acknowledged").containsExactly("ID:y", "ID:b");
    }

    @Test
    void aMessageTakenAgainIsKeptOnceAsThisTransactionsOwn() {
        List<MessageCheckpoint.Entry> previous = List.of(entry("ID:a", 100, 1));

        List<MessageCheckpoint.Entry> next = MessageCheckpoint.next(previous, List.of(entry("ID:a", 2_000, 1)),
                id -> false, 0);

        assertThat(next).singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(2_000));
    }
}
