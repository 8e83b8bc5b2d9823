package io.cemhub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one phase sent and what came back: per request its scheduled send time and the time its 202
 * arrived, per record the time its event arrived on cem.events. All times are System.nanoTime() of
 * this one JVM, so latencies need no clock synchronisation.
 */
final class PhaseTracker {

    final String prefix;
    final int records;
    final int perRequest;
    final int requests;
    final long[] scheduled;
    final long[] answered;
    private final AtomicLongArray arrived;
    private final AtomicInteger uniqueEvents = new AtomicInteger();
    private final AtomicInteger duplicateEvents = new AtomicInteger();
    private final AtomicInteger failedRequests = new AtomicInteger();
    private final AtomicReference<String> firstFailure = new AtomicReference<>();

    PhaseTracker(String prefix, int records, int perRequest) {
        this.prefix = prefix;
        this.records = records;
        this.perRequest = perRequest;
        this.requests = (records + perRequest - 1) / perRequest;
        this.scheduled = new long[requests];
        this.answered = new long[requests];
        this.arrived = new AtomicLongArray(records);
    }

    int firstRecordOf(int request) {
        return request * perRequest;
    }

    int recordsOf(int request) {
        return Math.min(perRequest, records - request * perRequest);
    }

    /** Called by the event listener threads with the record number parsed from the correlationId. */
    void eventArrived(int record, long nanos) {
        if (record < 0 || record >= records) {
            duplicateEvents.incrementAndGet(); // cannot be ours; counted so that it does not vanish
        } else if (arrived.compareAndSet(record, 0L, nanos)) {
            uniqueEvents.incrementAndGet();
        } else {
            duplicateEvents.incrementAndGet();
        }
    }

    void requestFailed(String why) {
        failedRequests.incrementAndGet();
        firstFailure.compareAndSet(null, why);
    }

    int uniqueEvents() {
        return uniqueEvents.get();
    }

    int duplicateEvents() {
        return duplicateEvents.get();
    }

    int failedRequests() {
        return failedRequests.get();
    }

    String firstFailure() {
        return firstFailure.get();
    }

    long arrivalOf(int record) {
        return arrived.get(record);
    }

    /** Ids of up to {@code limit} records whose event has not arrived, for the failure report. */
    List<String> missing(int limit) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < records && ids.size() < limit; i++) {
            if (arrived.get(i) == 0L) {
                ids.add(prefix + "-" + i);
            }
        }
        return ids;
    }
}
