package io.cemhub.model;

import java.util.List;
import java.util.Map;

/**
 * A customer (TMF629 subset). {@code externalIds} maps a source system to the id that system uses,
 * e.g. {@code billing -> ACC-1001}.
 */
public record Customer(
        String id,
        String name,
        String segment,
        String slaTier,
        String status,
        Map<String, List<String>> externalIds) {

    public Customer {
        externalIds = ExternalIds.copy(externalIds);
    }
}
