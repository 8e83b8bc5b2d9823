package io.cemhub.subscription;

/**
 * Everything one subscription's delivery uses: where to (subscription, sender), how hard to try
 * (retrying, limiter), what to report (status) and when to give up waiting (stop).
 */
record SubscriberLink(Subscription subscription, EventSender sender, RetryingDelivery retrying, DeliveryStatus status,
                      StopSignal stop, RateLimiter limiter) {

    /** Waits for the rate limiter's next slot; false when the subscription stopped meanwhile. */
    boolean awaitSlot() throws InterruptedException {
        return limiter == null || limiter.acquire(stop);
    }

    /** @return null once delivered, or why the notification must be dead-lettered */
    String deliver(Notification n) throws RetryingDelivery.Stopped, InterruptedException {
        return retrying.deliver(subscription, n, sender, status, stop);
    }
}
