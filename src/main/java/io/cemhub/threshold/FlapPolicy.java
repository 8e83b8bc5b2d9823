package io.cemhub.threshold;

import java.time.Duration;

/** An alarm that raises and clears more than {@code maxTransitions} times within {@code window} is flapping. */
public record FlapPolicy(int maxTransitions, Duration window) {
}
