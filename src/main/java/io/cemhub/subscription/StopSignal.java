package io.cemhub.subscription;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Ends the waits of a delivering thread (back-off, rate limit) when the hub or the subscription stops. */
final class StopSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    void stop() {
        stopped.countDown();
    }

    boolean stopped() {
        return stopped.getCount() == 0;
    }

    /** Waits up to millis; true when stopped meanwhile. */
    boolean await(long millis) throws InterruptedException {
        return stopped.await(millis, TimeUnit.MILLISECONDS);
    }
}
