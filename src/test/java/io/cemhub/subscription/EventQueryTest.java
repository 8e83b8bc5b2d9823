package io.cemhub.subscription;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.core.filter.Filter;
import org.apache.activemq.artemis.core.filter.impl.FilterImpl;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventQueryTest {

    @Test
    void selectsByEqualityListsAndSeverityOrder() {
        EventQuery q = EventQuery.parse("eventType=AlarmCreateEvent,AlarmAttributeValueChangeEvent&perceivedSeverity>=major&segment=VIP");
        assertThat(q.matches(Map.of("eventType", "AlarmCreateEvent", "perceivedSeverity", "critical", "segment", "VIP"))).isTrue();
        assertThat(q.matches(Map.of("eventType", "AlarmAttributeValueChangeEvent", "perceivedSeverity", "major", "segment", "VIP"))).isTrue();
        assertThat(q.matches(Map.of("eventType", "AlarmCreateEvent", "perceivedSeverity", "minor", "segment", "VIP"))).isFalse();
        assertThat(q.matches(Map.of("eventType", "AlarmCreateEvent", "perceivedSeverity", "critical", "segment", "SME"))).isFalse();
        assertThat(q.matches(Map.of("eventType", "MeasurementCreateEvent", "segment", "VIP"))).isFalse();
    }

    @Test
    void aMissingFieldNeverMatchesNotEvenNotEquals() {
        EventQuery q = EventQuery.parse("segment!=VIP");
        assertThat(q.matches(Map.of("segment", "SME"))).isTrue();
        assertThat(q.matches(Map.of("segment", "VIP"))).isFalse();
        assertThat(q.matches(Map.of())).isFalse();
    }

    @Test
    void blankSelectsEverythingAndValuesAreUrlDecoded() {
        assertThat(EventQuery.parse(" ").matches(Map.of())).isTrue();
        assertThat(EventQuery.parse(null).artemisFilter()).isNull();
        EventQuery q = EventQuery.parse("customerId=ACME%20Corp&serviceId=a+b");
        assertThat(q.matches(Map.of("customerId", "ACME Corp", "serviceId", "a+b"))).isTrue();
        assertThat(EventQuery.parse("perceivedSeverity>MAJOR").matches(Map.of("perceivedSeverity", "critical"))).isTrue();
    }

    @Test
    void refusesWhatItCannotReadAndSaysWhy() {
        assertThatThrownBy(() -> EventQuery.parse("colour=red")).isInstanceOf(InvalidQueryException.class)
                .hasMessageContaining("unknown field 'colour'").hasMessageContaining("perceivedSeverity");
        assertThatThrownBy(() -> EventQuery.parse("segment>=VIP")).hasMessageContaining("only perceivedSeverity is ordered");
        assertThatThrownBy(() -> EventQuery.parse("perceivedSeverity>=huge")).hasMessageContaining("no TMF642 severity");
        assertThatThrownBy(() -> EventQuery.parse("segment=VIP&&domain=alarm")).hasMessageContaining("empty condition");
        assertThatThrownBy(() -> EventQuery.parse("segment=")).hasMessageContaining("empty value");
        assertThatThrownBy(() -> EventQuery.parse("segment")).hasMessageContaining("is not field=value");
        assertThatThrownBy(() -> EventQuery.parse("perceivedSeverity>=major,minor")).hasMessageContaining("takes one severity");
        assertThatThrownBy(() -> EventQuery.parse("segment=%zz")).hasMessageContaining("%-escape");
    }

    @Test
    void quotesAreEscapedInTheBrokerFilter() {
        assertThat(EventQuery.parse("customerId=O'Brien").artemisFilter()).isEqualTo("customerId IN ('O''Brien')");
    }

    /** The broker's filter and matches() must select the same events, or REST previews and queues would disagree. */
    @Test
    void theBrokerFilterSelectsExactlyWhatMatchesSays() throws Exception {
        List<String> queries = List.of("eventType=AlarmCreateEvent&perceivedSeverity>=major", "segment!=VIP,SME",
                "perceivedSeverity<minor", "perceivedSeverity>cleared&domain=alarm", "metric=vpn.loss&customerId=c1,c2",
                "serviceType=vpn&slaTier!=gold&sourceSystem=wisla-vpn");
        Random random = new Random(42);
        String[][] values = {
                {"eventType", "AlarmCreateEvent", "MeasurementCreateEvent"}, {"perceivedSeverity", "cleared", "warning",
                "minor", "major", "critical"}, {"segment", "VIP", "SME", "consumer"}, {"domain", "alarm", "performance"},
                {"metric", "vpn.loss", "vpn.rtt"}, {"customerId", "c1", "c2", "c3"}, {"serviceType", "vpn", "fixed"},
                {"slaTier", "gold", "silver"}, {"sourceSystem", "wisla-vpn", "crm"}};
        for (String text : queries) {
            EventQuery q = EventQuery.parse(text);
            Filter filter = FilterImpl.createFilter(q.artemisFilter());
            for (int i = 0; i < 500; i++) {
                Map<String, String> properties = new HashMap<>();
                Message message = new CoreMessage(1, 256);
                for (String[] field : values) {
                    if (random.nextInt(4) > 0) { // sometimes absent
                        String v = field[1 + random.nextInt(field.length - 1)];
                        properties.put(field[0], v);
                        message.putStringProperty(field[0], v);
                    }
                }
                assertThat(filter.match(message)).as("%s on %s", text, properties).isEqualTo(q.matches(properties));
            }
        }
    }
}
