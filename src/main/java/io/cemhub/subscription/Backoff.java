package io.cemhub.subscription;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter": attempt n waits between half and all of
 * min(initial * 2^n, max), so that many subscribers failing together do not retry in lock-step.
 */
public record Backoff(Duration initial, Duration max) {

    public long delayMillis(int attempt) {
        long ceiling = initial.toMillis() << Math.min(attempt, 30);
        if (ceiling <= 0 || ceiling > max.toMillis()) {
            ceiling = max.toMillis();
        }
        long half = ceiling / 2;
        return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
    }
}
