package io.cemhub.ui;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Events per second out of this instance, sampled from the meter {@code cem.events.published} (route
 * {@code ui-event-rate}), with a short history for the dashboard's chart. Prometheus has the long history.
 */
public class EventRate {

    /** One sample: events/s over the interval that ended at {@code at}. */
    public record Sample(Instant at, double perSecond) {
    }

    private final MeterRegistry meters;
    private final Clock clock;
    private final int history;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private double lastCount = Double.NaN;
    private long lastAt;

    public EventRate(MeterRegistry meters, Clock clock, int history) {
        this.meters = meters;
        this.clock = clock;
        this.history = Math.max(2, history);
    }

    /** Takes a sample (the route calls it every {@code cem.ui.event-rate-sample}). */
    public synchronized void sample() {
        Counter published = meters.find("cem.events.published").counter();
        double count = published == null ? 0 : published.count();
        long now = clock.millis();
        if (!Double.isNaN(lastCount) && now > lastAt) {
            samples.addLast(new Sample(Instant.ofEpochMilli(now), Math.max(0, count - lastCount) * 1000.0 / (now - lastAt)));
            while (samples.size() > history) {
                samples.removeFirst();
            }
        }
        lastCount = count;
        lastAt = now;
    }

    public synchronized List<Sample> samples() {
        return new ArrayList<>(samples);
    }

    /** The latest events/s figure; 0 before the second sample. */
    public synchronized double current() {
        return samples.isEmpty() ? 0 : samples.getLast().perSecond();
    }
}
