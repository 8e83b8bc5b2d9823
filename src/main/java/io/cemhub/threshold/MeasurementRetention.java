package io.cemhub.threshold;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/**
 * Deletes stored measurements older than {@code cem.thresholds.retention}, every
 * {@code cem.thresholds.retention-check} from the route {@link MeasurementRetentionRoute} (a run-once route: on
 * the elected leader only; idempotent, so a second run during a leader change does no harm).
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

    public int purge() {
        int deleted = store.deleteObservedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("measurement retention: deleted {} measurements observed more than {} ago", deleted, retention);
        }
        return deleted;
    }
}
