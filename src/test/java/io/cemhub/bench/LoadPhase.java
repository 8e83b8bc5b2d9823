package io.cemhub.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Sends one phase's records with {@code connections} threads, each on its own keep-alive connection.
 * Closed loop: every thread sends its next request as soon as the previous one is answered. Open loop:
 * request k is due at start + k * (records per request / rate); a thread that picks it up late still
 * books it at its due time, so time spent waiting for a free connection counts as latency (no
 * coordinated omission).
 */
final class LoadPhase {

    private static final String PATH = "/api/v1/measurements";

    private final LoadOptions options;
    private final PhaseTracker tracker;
    private final MeasurementBodies bodies;
    private final WislaVpnBodies exports;
    private final AtomicInteger nextRequest = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();
    private volatile boolean abort;
    private long start;
    private long sendDeadline;

    LoadPhase(LoadOptions options, PhaseTracker tracker) {
        this.options = options;
        this.tracker = tracker;
        this.bodies = new MeasurementBodies(tracker.prefix, options.services());
        this.exports = new WislaVpnBodies(tracker.prefix, options.services());
    }

    /** @return the nanoTime the phase started at (the schedule's origin) */
    long run() throws InterruptedException {
        start = System.nanoTime();
        sendDeadline = start + options.maxSending().toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < options.connections(); w++) {
            Thread t = new Thread(this::work, "load-" + tracker.prefix + "-" + w);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (Thread t : workers) {
            // Bounded: a worker stops at sendDeadline, plus one socket timeout for its last request.
            t.join(options.maxSending().toMillis() + 130_000);
        }
        if (workers.stream().anyMatch(Thread::isAlive)) {
            abort = true;
            throw new IllegalStateException("senders still busy after " + options.maxSending() + ": giving up");
        }
        return start;
    }

    int connects() {
        return connects.get();
    }

    private void work() {
        if (options.jmsMode()) {
            // A JMS source: one persistent message per record (or per export), on this thread's own connection.
            try (JmsRecordSender sender = new JmsRecordSender(options.broker(), options.queue())) {
                sendAll(k -> sender.send(options.wislaVpn() ? exports.body(k)
                        : bodies.body(tracker.firstRecordOf(k), 1, false)));
            } catch (jakarta.jms.JMSException | RuntimeException e) {
                tracker.requestFailed("JMS send: " + e);
                abort = true;
            }
            return;
        }
        RawHttpClient client = new RawHttpClient(options.url());
        try {
            sendAll(k -> send(client, k));
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        } finally {
            connects.addAndGet(client.connects());
            client.close();
        }
    }

    /** Sends request k of this phase (a POST, or a JMS message). */
    private interface Sender {
        void send(int k) throws jakarta.jms.JMSException;
    }

    /** Takes the phase's next request until none is left, each at its due time (open loop) or at once. */
    private void sendAll(Sender sender) throws jakarta.jms.JMSException {
        double nanosPerRequest = options.batch() * 1e9 / options.rate();
        for (int k = nextRequest.getAndIncrement(); k < tracker.requests && !abort; k = nextRequest.getAndIncrement()) {
            long due = options.openLoop() ? start + (long) (k * nanosPerRequest) : System.nanoTime();
            if (!waitUntil(due)) {
                tracker.requestFailed("sending took longer than --max-seconds; request " + k + " not sent");
                abort = true;
                return;
            }
            tracker.scheduled[k] = due;
            sender.send(k);
            tracker.answered[k] = System.nanoTime();
        }
    }

    /** Paces the open loop (a schedule, not a correctness wait); false when the phase's time is up. */
    private boolean waitUntil(long due) {
        for (long now = System.nanoTime(); now < due; now = System.nanoTime()) {
            if (now > sendDeadline) {
                return false;
            }
            LockSupport.parkNanos(Math.min(due - now, 1_000_000));
        }
        return System.nanoTime() <= sendDeadline;
    }

    private void send(RawHttpClient client, int k) {
        int first = tracker.firstRecordOf(k);
        int n = tracker.recordsOf(k);
        try {
            RawHttpClient.Response r = client.postJson(PATH, bodies.body(first, n, options.batchMode()));
            if (r.status() != 202 || !r.body().contains("\"accepted\":" + n)) {
                tracker.requestFailed("request " + k + ": HTTP " + r.status() + " " + abbreviate(r.body()));
            }
        } catch (IOException | RuntimeException e) {
            client.close();
            tracker.requestFailed("request " + k + ": " + e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 300 ? s : s.substring(0, 300) + "...";
    }
}
