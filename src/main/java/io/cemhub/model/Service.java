package io.cemhub.model;

import java.util.List;
import java.util.Map;

/**
 * A customer's service (TMF638 subset): what was sold ({@code serviceType}), what was promised
 * ({@code characteristics}, e.g. downloadMbps or availabilityPct) and how other systems name it
 * ({@code externalIds}, e.g. {@code wisla-vpn -> [TUN-0042, TUN-0043]}).
 */
public record Service(
        String id,
        String customerId,
        String serviceType,
        Map<String, Double> characteristics,
        Map<String, List<String>> externalIds) {

    public Service {
        characteristics = characteristics == null ? Map.of() : Map.copyOf(characteristics);
        externalIds = ExternalIds.copy(externalIds);
    }
}
