package io.cemhub.subscription;

/**
 * At most {@code perSecond} notifications per second for one subscription, evenly spaced. Only the
 * subscription's delivering thread calls it, so waiting here holds events back in the subscriber's
 * queue (on the broker), never in the hub's memory.
 */
final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    RateLimiter(double perSecond) {
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    /** Waits for the next slot; false when {@code stop} ended the wait first. */
    synchronized boolean acquire(StopSignal stop) throws InterruptedException {
        long now = System.nanoTime();
        long wait = next - now;
        next = Math.max(next, now) + intervalNanos;
        return wait <= 0 || !stop.await(wait / 1_000_000L + 1);
    }
}
