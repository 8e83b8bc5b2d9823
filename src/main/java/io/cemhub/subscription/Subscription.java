package io.cemhub.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A subscriber: which events (query), how they travel (channel, callback), how failures are retried
 * (maxAge), and optional storm control (groupBy with groupWait and groupInterval, rateLimit per second).
 * The secret signs webhook bodies; it never appears in toString, logs or API answers after creation.
 *
 * @param origin "api" (TMF688 hub) or "config" (config/subscriptions.yaml)
 * @param owner  the user who created it over the API (a CUSTOMER's own subscriptions), or null
 */
public record Subscription(
        String id,
        Channel channel,
        String callback,
        String query,
        String secret,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Double rateLimit,
        Duration maxAge,
        String origin,
        String owner,
        Instant createdAt) {

    public static final String QUEUE_PREFIX = "cem.sub.";

    public Subscription {
        groupBy = groupBy == null ? List.of() : List.copyOf(groupBy);
    }

    /** The subscriber's own durable queue, bound to cem.events with the query as its filter. */
    public String queue() {
        return QUEUE_PREFIX + id;
    }

    /** Where events that could not be delivered within maxAge (or were refused for good) wait for replay. */
    public String deadLetterQueue() {
        return queue() + ".dlq";
    }

    public boolean grouped() {
        return !groupBy.isEmpty();
    }

    public Subscription withSecret(String newSecret) {
        return new Subscription(id, channel, callback, query, newSecret, groupBy, groupWait, groupInterval, rateLimit,
                maxAge, origin, owner, createdAt);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "Subscription[id=" + id + ", channel=" + channel.wire() + ", callback=" + callback + ", query=" + query
                + ", secret=" + (secret == null ? "none" : "****") + ", groupBy=" + groupBy + ", origin=" + origin + "]";
    }
}
