package io.cemhub.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.model.CemRecord;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.cemhub.support.TestRecords.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class RecordValidatorTest {

    private static final SourceRef ENTRY = new SourceRef("cem", "rest");
    private final RecordValidator validator = TestRecords.validator();
    private final List<RecordError> errors = new ArrayList<>();

    private Optional<CemRecord> validate(String json, boolean interactions) throws Exception {
        JsonNode node = TestRecords.JSON.readTree(json);
        return validator.validate(3, node, ENTRY, NOW, interactions, errors);
    }

    @Test
    void fillsWhatTheHubOwns() throws Exception {
        Measurement m = (Measurement) validate(
                "{\"serviceId\":\"S-1\",\"metric\":\"vpn.rtt.avg\",\"value\":12.5,\"observedAt\":\"2026-11-23T09:00:00+01:00\"}",
                false).orElseThrow();
        assertThat(errors).isEmpty();
        assertThat(m.id()).isNotBlank();
        assertThat(m.unit()).isEqualTo("ms");
        assertThat(m.source()).isEqualTo(ENTRY);
        assertThat(m.receivedAt()).isEqualTo(NOW);
        assertThat(m.observedAt()).isEqualTo(NOW.minusSeconds(3600 * 2));
    }

    @Test
    void keepsTheSourcesOwnIdAndSource() throws Exception {
        Measurement m = (Measurement) validate("{\"id\":\"m-9\",\"source\":{\"system\":\"wisla-vpn\",\"adapter\":\"a1\"},"
                + "\"serviceId\":\"TUN-1\",\"metric\":\"vpn.loss\",\"value\":0.5,\"unit\":\"%\","
                + "\"observedAt\":\"2026-11-23T09:00:00Z\",\"characteristics\":{\"cos\":\"gold\"}}", false).orElseThrow();
        assertThat(m.id()).isEqualTo("m-9");
        assertThat(m.source()).isEqualTo(new SourceRef("wisla-vpn", "a1"));
        assertThat(m.characteristics()).containsEntry("cos", "gold");
    }

    @Test
    void namesEveryBadFieldWithTheRecordsIndex() throws Exception {
        assertThat(validate("{\"serviceId\":\"S\",\"metric\":\"vpn.loss\",\"value\":\"high\","
                + "\"observedAt\":\"yesterday\",\"colour\":\"red\",\"source\":{\"system\":\"UPPER\"}}", false)).isEmpty();
        assertThat(errors).extracting(RecordError::index).containsOnly(3);
        assertThat(errors).extracting(RecordError::field)
                .containsExactlyInAnyOrder("colour", "observedAt", "source.system", "value");
        assertThat(errors).filteredOn(e -> e.field().equals("value")).first()
                .extracting(RecordError::reason).asString().contains("number expected");
    }

    @Test
    void missingRequiredFieldIsNamed() throws Exception {
        assertThat(validate("{\"metric\":\"vpn.loss\",\"value\":1,\"observedAt\":\"2026-11-23T09:00:00Z\"}", false)).isEmpty();
        assertThat(errors).singleElement().extracting(RecordError::field).isEqualTo("serviceId");
    }

    @Test
    void unknownMetricIsInvalid() throws Exception {
        assertThat(validate(TestRecords.measurementJson("m", "S", "vpn.mood", 1), false)).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("metric");
            assertThat(e.reason()).contains("KPI catalogue");
        });
    }

    @Test
    void unitOtherThanTheCataloguesIsInvalid() throws Exception {
        assertThat(validate("{\"serviceId\":\"S\",\"metric\":\"vpn.rtt.avg\",\"value\":0.01,\"unit\":\"s\","
                + "\"observedAt\":\"2026-11-23T09:00:00Z\"}", false)).isEmpty();
        assertThat(errors).singleElement().extracting(RecordError::reason).asString().contains("'ms', not 's'");
    }

    @Test
    void observationsFromTheFutureAreInvalid() throws Exception {
        assertThat(validate("{\"serviceId\":\"S\",\"metric\":\"vpn.loss\",\"value\":1,"
                + "\"observedAt\":\"2026-11-23T10:06:00Z\"}", false)).isEmpty();
        assertThat(errors).singleElement().extracting(RecordError::field).isEqualTo("observedAt");
    }

    @Test
    void aRecordMustBeAnObject() throws Exception {
        assertThat(validate("[1]", false)).isEmpty();
        assertThat(errors).singleElement().extracting(RecordError::reason).asString().contains("JSON object");
    }

    @Test
    void interactionsOnlyWhereTheEntryTakesThem() throws Exception {
        String ticket = "{\"recordType\":\"interaction\",\"interactionType\":\"troubleTicket\",\"customerId\":\"C-1\","
                + "\"occurredAt\":\"2026-11-23T09:00:00Z\",\"troubleTicket\":{\"id\":\"T-1\",\"status\":\"acknowledged\"}}";
        assertThat(validate(ticket, false)).isEmpty();
        assertThat(errors).singleElement().extracting(RecordError::field).isEqualTo("recordType");
        errors.clear();
        CustomerInteraction i = (CustomerInteraction) validate(ticket, true).orElseThrow();
        assertThat(i.troubleTicket().id()).isEqualTo("T-1");
        assertThat(i.partitionKey()).isEqualTo("C-1");
        assertThat(i.receivedAt()).isEqualTo(NOW);
    }

    @Test
    void interactionsFromTheFutureAreInvalidToo() throws Exception {
        String ticket = "{\"recordType\":\"interaction\",\"interactionType\":\"troubleTicket\",\"customerId\":\"C-1\","
                + "\"occurredAt\":\"2026-11-23T10:06:00Z\",\"troubleTicket\":{\"id\":\"T-1\",\"status\":\"acknowledged\"}}";
        assertThat(validate(ticket, true)).isEmpty();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("occurredAt");
            assertThat(e.reason()).contains("future");
        });
    }
}
