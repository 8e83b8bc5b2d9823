package io.cemhub.subscription;

import java.time.Duration;
import java.util.List;

/**
 * A subscription as a client (TMF688 hub API) or config/subscriptions.yaml states it. TMF688 defines
 * callback and query; the rest are the hub's extensions. Absent values take the defaults of
 * {@link SubscriptionProperties}.
 */
public record SubscriptionRequest(
        String id,
        String channel,
        String callback,
        String query,
        String secret,
        List<String> groupBy,
        Duration groupWait,
        Duration groupInterval,
        Double rateLimit,
        Duration maxAge) {

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "SubscriptionRequest[id=" + id + ", channel=" + channel + ", callback=" + callback + ", query=" + query + "]";
    }
}
