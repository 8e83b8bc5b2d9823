package io.cemhub.threshold;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation state of one (service, metric) series, stored as JSON in threshold_state: the level it is
 * in, the active alarm, a level change waiting out its debounce, and recent raise/clear times for
 * flap detection. Mutable: one consumer owns a series at a time (its partition).
 */
public class SeriesState {

    public Severity level;
    public String alarmId;
    public Severity pendingLevel;
    public boolean pendingClear;
    public int pendingCount;
    public Instant pendingSince;
    public List<Instant> transitions = new ArrayList<>();
    public boolean flapping;
    public String ruleId;
    public Integer ruleVersion;
    public Instant lastObservedAt;
    /** The series' active no-data alarm, read beside the state; not part of the stored JSON. */
    @JsonIgnore
    public NoDataMark noData;

    boolean pendingIs(Severity target) {
        return target == null ? pendingClear : target == pendingLevel;
    }

    void pending(Severity target, Instant at) {
        pendingLevel = target;
        pendingClear = target == null;
        pendingCount = 1;
        pendingSince = at;
    }

    void noPending() {
        pendingLevel = null;
        pendingClear = false;
        pendingCount = 0;
        pendingSince = null;
    }
}
