package io.cemhub.pipeline;

import io.cemhub.model.EventEnvelope;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventFactoryTest {

    private static final Instant T = Instant.parse("2026-11-23T10:00:00Z");

    private static PipelineItem item(String id, String system) {
        PipelineItem item = new PipelineItem(new Measurement(id, new SourceRef(system, null), null, "S-1", null,
                "vpn.loss", 1, "%", T, T, Map.of()));
        item.context(EventContext.unresolved(null, null));
        return item;
    }

    @Test
    void theSameRecordAlwaysYieldsTheSameEventId() {
        EventEnvelope first = new EventFactory(Clock.fixed(T, ZoneOffset.UTC)).recordEvent(item("m-1", "wisla-vpn"));
        EventEnvelope again = new EventFactory(Clock.fixed(T.plusSeconds(60), ZoneOffset.UTC)).recordEvent(item("m-1", "wisla-vpn"));
        assertThat(again.eventId()).isEqualTo(first.eventId());
        assertThat(first.eventType()).isEqualTo("MeasurementCreateEvent");
        assertThat(first.correlationId()).isEqualTo("m-1");
        assertThat(first.domain()).isEqualTo("performance");
    }

    @Test
    void differentRecordsOrSystemsYieldDifferentIds() {
        EventFactory events = new EventFactory(Clock.fixed(T, ZoneOffset.UTC));
        String id = events.recordEvent(item("m-1", "wisla-vpn")).eventId();
        assertThat(events.recordEvent(item("m-2", "wisla-vpn")).eventId()).isNotEqualTo(id);
        assertThat(events.recordEvent(item("m-1", "wisla-speedtest")).eventId()).isNotEqualTo(id);
    }
}
