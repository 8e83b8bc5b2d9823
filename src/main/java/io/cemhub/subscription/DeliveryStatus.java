package io.cemhub.subscription;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one subscription's delivery has done since the hub started (counters) and is doing now
 * (retrying, last error). Queue depths come from the broker, see {@link SubscriptionStatus}.
 */
public final class DeliveryStatus {

    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean retrying;
    private volatile int attempt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile Instant lastDeliveredAt;
    private volatile long lastLagMillis;

    void delivered(Notification n, Instant now) {
        delivered.addAndGet(n.events().size());
        notifications.incrementAndGet();
        retrying = false;
        attempt = 0;
        lastDeliveredAt = now;
        lastLagMillis = now.toEpochMilli() - n.oldestPublishedAt();
    }

    void failed(String error, Instant now, int attemptNumber) {
        failedAttempts.incrementAndGet();
        retrying = true;
        attempt = attemptNumber;
        lastError = error;
        lastErrorAt = now;
    }

    void deadLettered(int events) {
        deadLettered.addAndGet(events);
        retrying = false;
        attempt = 0;
    }

    public long delivered() { return delivered.get(); }
    public long notifications() { return notifications.get(); }
    public long failedAttempts() { return failedAttempts.get(); }
    public long deadLettered() { return deadLettered.get(); }
    public boolean retrying() { return retrying; }
    public int attempt() { return attempt; }
    public String lastError() { return lastError; }
    public Instant lastErrorAt() { return lastErrorAt; }
    public Instant lastDeliveredAt() { return lastDeliveredAt; }
    public long lastLagMillis() { return lastLagMillis; }
}
