package io.cemhub.model;

import java.time.Instant;
import java.util.Map;

/**
 * One observed KPI value for one service (TMF628 in spirit). {@code metric} must be a name from the
 * KPI catalogue (config/kpis.yaml). {@code serviceId} is the id the source knows the service by until
 * identity resolution replaces it with the canonical id (the source's id is then kept in
 * {@code characteristics.externalServiceId}).
 */
public record Measurement(
        String id,
        SourceRef source,
        String customerId,
        String serviceId,
        String serviceType,
        String metric,
        double value,
        String unit,
        Instant observedAt,
        Instant receivedAt,
        Map<String, Object> characteristics) implements CemRecord {

    public Measurement {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
    }

    @Override
    public String partitionKey() {
        return serviceId;
    }

    public Measurement withIdentity(String canonicalServiceId, String canonicalCustomerId, String canonicalServiceType,
                                    Map<String, Object> newCharacteristics) {
        return new Measurement(id, source, canonicalCustomerId, canonicalServiceId, canonicalServiceType, metric, value,
                unit, observedAt, receivedAt, newCharacteristics);
    }

    public Measurement withDefaults(String newId, String newUnit, Instant newReceivedAt) {
        return new Measurement(newId, source, customerId, serviceId, serviceType, metric, value, newUnit, observedAt,
                newReceivedAt, characteristics);
    }
}
