package io.cemhub.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.kpi.Kpi;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.model.CemRecord;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks one canonical record against its JSON Schema and the KPI catalogue, and fills what the hub
 * owns: a missing id, a missing source, a missing unit, and receivedAt. Errors are added to the list
 * the caller gives, so that a whole batch is reported at once.
 */
public final class RecordValidator {

    private final ObjectMapper mapper;
    private final KpiCatalogue kpis;
    private final SchemaCheck measurementSchema = SchemaCheck.load("measurement.schema.json");
    private final SchemaCheck interactionSchema = SchemaCheck.load("interaction.schema.json");
    private final Clock clock;
    private final Duration maxClockSkew;

    public RecordValidator(ObjectMapper mapper, KpiCatalogue kpis, Clock clock, Duration maxClockSkew) {
        this.mapper = mapper;
        this.kpis = kpis;
        this.clock = clock;
        this.maxClockSkew = maxClockSkew;
    }

    /**
     * @param allowInteractions whether this entry takes interactions besides measurements
     * @return the normalised record, or empty when it is invalid (the reasons are in {@code errors})
     */
    public Optional<CemRecord> validate(int index, JsonNode node, SourceRef defaultSource, Instant receivedAt,
                                        boolean allowInteractions, List<RecordError> errors) {
        if (node == null || !node.isObject()) {
            errors.add(new RecordError(index, "", "a record must be a JSON object, not " + kind(node)));
            return Optional.empty();
        }
        boolean interaction = "interaction".equals(node.path("recordType").asText());
        if (interaction && !allowInteractions) {
            errors.add(new RecordError(index, "recordType", "this entry takes measurements only"));
            return Optional.empty();
        }
        List<RecordError> schemaErrors = new java.util.ArrayList<>(
                (interaction ? interactionSchema : measurementSchema).check(index, node));
        TextCheck.check(index, node, schemaErrors);
        if (!schemaErrors.isEmpty()) {
            errors.addAll(schemaErrors);
            return Optional.empty();
        }
        if (!interaction) {
            ((ObjectNode) node).put("recordType", "measurement"); // optional on the wire, required by the codec
        }
        try {
            return interaction
                    ? normalise(index, mapper.treeToValue(node, CustomerInteraction.class), defaultSource, receivedAt, errors)
                    : normalise(index, mapper.treeToValue(node, Measurement.class), defaultSource, receivedAt, errors);
        } catch (JsonProcessingException e) {
            errors.add(new RecordError(index, "", "cannot be read as a canonical record: " + e.getOriginalMessage()));
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            errors.add(new RecordError(index, "", "cannot be read as a canonical record: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private Optional<CemRecord> normalise(int index, Measurement m, SourceRef defaultSource, Instant receivedAt,
                                          List<RecordError> errors) {
        Optional<Kpi> kpi = kpis.find(m.metric());
        if (kpi.isEmpty()) {
            errors.add(new RecordError(index, "metric", "unknown metric '" + m.metric()
                    + "': it is not in the KPI catalogue (config/kpis.yaml)"));
            return Optional.empty();
        }
        if (m.unit() != null && !m.unit().equals(kpi.get().unit())) {
            errors.add(new RecordError(index, "unit", "metric " + m.metric() + " is measured in '"
                    + kpi.get().unit() + "', not '" + m.unit() + "'"));
            return Optional.empty();
        }
        if (!Double.isFinite(m.value())) {
            errors.add(new RecordError(index, "value", "must be a finite number"));
            return Optional.empty();
        }
        if (m.observedAt().isAfter(receivedAt.plus(maxClockSkew))) {
            errors.add(new RecordError(index, "observedAt", "lies in the future (more than " + maxClockSkew
                    + " ahead of the hub's clock)"));
            return Optional.empty();
        }
        Measurement withDefaults = m.withDefaults(m.id() == null ? UUID.randomUUID().toString() : m.id(),
                kpi.get().unit(), receivedAt);
        if (m.source() == null) {
            withDefaults = new Measurement(withDefaults.id(), defaultSource, withDefaults.customerId(),
                    withDefaults.serviceId(), withDefaults.serviceType(), withDefaults.metric(), withDefaults.value(),
                    withDefaults.unit(), withDefaults.observedAt(), withDefaults.receivedAt(),
                    withDefaults.characteristics());
        }
        return Optional.of(withDefaults);
    }

    private Optional<CemRecord> normalise(int index, CustomerInteraction i, SourceRef defaultSource, Instant receivedAt,
                                          List<RecordError> errors) {
        // as for a measurement: a time ahead of the hub's clock is a bad record, not a record of tomorrow (a
        // CDR file would otherwise sum it into a KPI of that interval, which is refused, and the file with it)
        if (i.occurredAt() != null && i.occurredAt().isAfter(receivedAt.plus(maxClockSkew))) {
            errors.add(new RecordError(index, "occurredAt", "lies in the future (more than " + maxClockSkew
                    + " ahead of the hub's clock)"));
            return Optional.empty();
        }
        return Optional.of(new CustomerInteraction(i.id() == null ? UUID.randomUUID().toString() : i.id(), i.interactionType(),
                i.source() == null ? defaultSource : i.source(), i.customerId(), i.serviceId(), i.occurredAt(),
                receivedAt, i.troubleTicket(), i.money(), i.usage()));
    }

    public Instant now() {
        return clock.instant();
    }

    private static String kind(JsonNode node) {
        return node == null || node.isMissingNode() ? "nothing" : node.getNodeType().name().toLowerCase();
    }
}
