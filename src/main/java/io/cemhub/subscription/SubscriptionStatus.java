package io.cemhub.subscription;

import java.time.Instant;

/**
 * A subscription's delivery as operators see it (REST and JMX).
 *
 * @param pending      events waiting: on the subscriber's queue, plus those waiting in groups
 * @param deadLettered events on the dead-letter queue now (the counter of what was dead-lettered since the
 *                     start is {@code deadLetteredSinceStart})
 * @param lagMillis    for the last delivered notification: delivery time minus the publication of its oldest event
 */
public record SubscriptionStatus(
        String id,
        String channel,
        long delivered,
        long notifications,
        long pending,
        boolean retrying,
        int attempt,
        long failedAttempts,
        long deadLettered,
        long deadLetteredSinceStart,
        String lastError,
        Instant lastErrorAt,
        Instant lastDeliveredAt,
        long lagMillis) {
}
