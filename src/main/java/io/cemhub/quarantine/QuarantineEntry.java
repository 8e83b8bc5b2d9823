package io.cemhub.quarantine;

import java.time.Instant;
import java.util.Map;

/**
 * One message on the quarantine address, as the API shows it.
 *
 * @param id      the JMS message id: what replay takes
 * @param format     how replay reads the payload (json, csv, canonical); null when it cannot be replayed
 * @param csvColumns the column names of a header-less csv payload (comma-separated), or null
 * @param parameters the adapter's mapping parameters when it was quarantined
 * @param payload    the original bytes
 */
public record QuarantineEntry(String id, String adapter, String origin, String reason, Instant quarantinedAt,
                              String format, String csvDelimiter, String csvColumns, Map<String, String> parameters,
                              byte[] payload) {

    public QuarantineEntry {
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
