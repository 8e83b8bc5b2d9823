package io.cemhub.bench;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What happened to each batch of a {@link CompareDriver} run: when it was due, when it was done (the
 * contestant's answer for Node-RED and the minimal route, which process before answering; the last of its
 * records' MeasurementCreateEvents for the hub, whose 202 only means "durable"), and how many records are
 * still open.
 */
final class CompareBook {

    private final int batch;
    private final long[] due;
    private final long[] done;
    private final AtomicIntegerArray remaining;
    private final AtomicLong completedRecords = new AtomicLong();
    private final AtomicLong sentRecords = new AtomicLong();

    CompareBook(int maxBatches, int batch) {
        this.batch = batch;
        this.due = new long[maxBatches];
        this.done = new long[maxBatches];
        this.remaining = new AtomicIntegerArray(maxBatches);
    }

    void sent(int b, long dueNanos) {
        due[b] = dueNanos;
        remaining.set(b, batch);
        sentRecords.addAndGet(batch);
    }

    /** The whole batch is done (synchronous contestants: the answer came after processing). */
    void batchDone(int b, long now) {
        done[b] = now;
        remaining.set(b, 0);
        completedRecords.addAndGet(batch);
    }

    /** One record of the batch is done (the hub: its event arrived). */
    void recordDone(long record, long now) {
        int b = (int) (record / batch);
        if (b >= done.length) {
            return;
        }
        if (remaining.decrementAndGet(b) == 0) {
            done[b] = now;
        }
        completedRecords.incrementAndGet();
    }

    long completed() {
        return completedRecords.get();
    }

    long inflight() {
        return sentRecords.get() - completedRecords.get();
    }

    /** Latency of batch b in microseconds, or -1 if it is not done. */
    long latencyMicros(int b) {
        return remaining.get(b) == 0 && done[b] != 0 ? (done[b] - due[b]) / 1000 : -1;
    }
}
