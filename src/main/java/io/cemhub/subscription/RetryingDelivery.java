package io.cemhub.subscription;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Sends one notification until the subscriber takes it: retries in place with {@link Backoff}, so that
 * nothing behind it overtakes (order per alarm and per service is kept); gives up when the receiver
 * refuses it for good or once its oldest event is older than the subscription's maxAge. Waits end early
 * when the hub stops: the notification then stays unacknowledged on the broker.
 */
final class RetryingDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(RetryingDelivery.class);

    /** Thrown when the hub stops during a wait; the JMS transaction rolls back and the event stays queued. */
    static final class Stopped extends Exception {
        Stopped(String message) {
            super(message);
        }
    }

    private final Backoff backoff;
    private final Clock clock;

    RetryingDelivery(Backoff backoff, Clock clock) {
        this.backoff = backoff;
        this.clock = clock;
    }

    /** @return null once delivered, or why the notification must be dead-lettered */
    String deliver(Subscription s, Notification n, EventSender sender, DeliveryStatus status, StopSignal stop)
            throws Stopped, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (stop.stopped()) {
                throw new Stopped("subscription " + s.id() + " stopped before delivery");
            }
            try {
                sender.send(s, n);
                status.delivered(n, clock.instant());
                return null;
            } catch (DeliveryException e) {
                Instant now = clock.instant();
                status.failed(e.getMessage(), now, attempt);
                if (e.permanent()) {
                    return "refused by the subscriber: " + e.getMessage();
                }
                Duration age = Duration.ofMillis(now.toEpochMilli() - n.oldestPublishedAt());
                if (age.compareTo(s.maxAge()) > 0) {
                    return "not delivered within maxAge " + s.maxAge() + " (" + attempt + " attempts); last error: "
                            + e.getMessage();
                }
                long delay = backoff.delayMillis(attempt - 1);
                LOG.warn("Subscription {}: attempt {} failed ({}); retrying in {} ms", s.id(), attempt, e.getMessage(), delay);
                if (stop.await(delay)) {
                    throw new Stopped("subscription " + s.id() + " stopped while retrying");
                }
            }
        }
    }
}
