package io.cemhub.crm;

import java.time.Instant;

/**
 * A CreateTroubleTicket request (crm-query.wsdl). The CRM opens at most one ticket per
 * {@code idempotencyKey}: asked again with the same key, it answers the ticket it opened the first time.
 */
public record NewTroubleTicket(String idempotencyKey, String customerId, String serviceId, String alarmId,
                               String severity, String name, String description, String ticketType,
                               Instant alarmRaisedTime) {
}
