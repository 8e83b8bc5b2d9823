package io.cemhub.threshold;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes stored measurements older than {@code cem.thresholds.retention}. Idempotent, so it does no harm
 * when several hub instances run it.
 */
public class MeasurementRetention {

    private static final Logger LOG = LoggerFactory.getLogger(MeasurementRetention.class);

    private final MeasurementStore store;
    private final Clock clock;
    private final Duration retention;

    public MeasurementRetention(MeasurementStore store, Clock clock, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "${cem.thresholds.retention-check:PT1H}",
            fixedDelayString = "${cem.thresholds.retention-check:PT1H}")
    public int purge() {
        int deleted = store.deleteObservedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("measurement retention: deleted {} measurements observed more than {} ago", deleted, retention);
        }
        return deleted;
    }
}
