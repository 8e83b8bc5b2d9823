package io.cemhub.model;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened between the operator and the customer: a trouble ticket (TMF621), a payment
 * or balance event, or a usage record. Exactly one of {@code troubleTicket}, {@code money} and
 * {@code usage} is set, matching {@code interactionType}.
 */
public record CustomerInteraction(
        String id,
        String interactionType,
        SourceRef source,
        String customerId,
        String serviceId,
        Instant occurredAt,
        Instant receivedAt,
        TroubleTicket troubleTicket,
        MoneyEvent money,
        Map<String, Object> usage) implements CemRecord {

    public static final String TROUBLE_TICKET = "troubleTicket";
    public static final String PAYMENT = "payment";
    public static final String BALANCE = "balance";
    public static final String USAGE = "usage";

    public CustomerInteraction {
        usage = usage == null ? null : Map.copyOf(usage);
    }

    @Override
    public String partitionKey() {
        return serviceId != null ? serviceId : customerId;
    }

    /** TMF621 trouble ticket fields. */
    public record TroubleTicket(String id, String ticketType, String severity, String status, String channel,
                                Instant creationDate, java.util.List<RelatedParty> relatedParty) {
    }

    /** A payment or balance event; amounts in minor units (cents) with an ISO 4217 currency. */
    public record MoneyEvent(String kind, String account, long amountMinor, String currency) {
    }
}
