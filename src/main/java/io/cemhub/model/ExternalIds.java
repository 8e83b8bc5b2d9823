package io.cemhub.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies of {@code system -> [ids]} maps, in a stable order, without empty entries. */
final class ExternalIds {

    private ExternalIds() {
    }

    static Map<String, List<String>> copy(Map<String, List<String>> ids) {
        if (ids == null || ids.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        ids.forEach((system, list) -> {
            if (list != null && !list.isEmpty()) {
                copy.put(system, List.copyOf(list));
            }
        });
        return java.util.Collections.unmodifiableMap(copy);
    }
}
