package io.cemhub.quarantine;

import java.time.Instant;

/**
 * One message on the quarantine address, as the API shows it.
 *
 * @param id      the JMS message id: what replay takes
 * @param format  how replay reads the payload (json, csv, canonical); null when it cannot be replayed
 * @param payload the original bytes
 */
public record QuarantineEntry(String id, String adapter, String origin, String reason, Instant quarantinedAt,
                              String format, String csvDelimiter, byte[] payload) {
}
