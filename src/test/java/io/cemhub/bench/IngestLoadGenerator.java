package io.cemhub.bench;

import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * End-to-end load on a running hub: POSTs canonical measurements to /api/v1/measurements (or sends them as
 * persistent JMS messages to the canonical ingest queue, {@code --mode jms}) and waits for every one of them to come out as a MeasurementCreateEvent on cem.events. A warm-up phase runs
 * first (same mode, own ids, all its events awaited) so that the measured phase sees a warm JIT.
 * Exit code 0 only when every request was accepted and every event arrived exactly as expected.
 * Options: see {@link LoadOptions}; bench/ingest-load.sh starts a hub and runs this.
 */
public final class IngestLoadGenerator {

    private IngestLoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        LoadOptions options = LoadOptions.parse(args);
        String runId = Long.toString(System.currentTimeMillis(), 36);
        System.out.println("load: " + options.describe() + " -> " + options.url() + ", events from "
                + options.broker());
        boolean ok = true;
        try (EventWatcher watcher = new EventWatcher(options.broker(), "cem-bench-" + runId)) {
            watcher.start(2);
            if (options.warmup() > 0) {
                PhaseTracker warm = new PhaseTracker("w" + runId, options.warmup(), options.batch());
                ok = runPhase("warm-up", options, warm, watcher);
            }
            if (ok) {
                PhaseTracker measured = new PhaseTracker("m" + runId, options.count(), options.batch());
                ok = runPhase("measured", options, measured, watcher);
            }
            if (watcher.foreign() > 0) {
                System.out.println("note: " + watcher.foreign() + " events on " + EventWatcher.TOPIC
                        + " belonged to no phase of this run");
            }
        }
        // exec:java would otherwise wait for lingering client threads; the exit code tells the script.
        System.exit(ok ? 0 : 1);
    }

    private static boolean runPhase(String name, LoadOptions options, PhaseTracker tracker, EventWatcher watcher)
            throws InterruptedException {
        watcher.track(tracker);
        LoadPhase phase = new LoadPhase(options, tracker);
        ScheduledExecutorService progress = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long t0 = System.nanoTime();
        CpuShares cpu = CpuShares.start(options.hubPid());
        progress.scheduleAtFixedRate(() -> System.out.printf(Locale.ROOT, "  %s: %.0f s, events %d/%d%n", name,
                (System.nanoTime() - t0) / 1e9, tracker.uniqueEvents(), tracker.records), 5, 5, TimeUnit.SECONDS);
        try {
            long start = phase.run();
            if (tracker.failedRequests() > 0) {
                System.out.println("FAIL " + name + ": " + tracker.failedRequests() + " of " + tracker.requests
                        + " requests failed; first: " + tracker.firstFailure());
                return false;
            }
            if (!awaitEvents(tracker, options)) {
                System.out.println("FAIL " + name + ": only " + tracker.uniqueEvents() + " of " + tracker.records
                        + " events arrived within " + options.eventTimeout().toSeconds() + " s after the last 202 ("
                        + tracker.duplicateEvents() + " duplicates); missing e.g. " + tracker.missing(10));
                return false;
            }
            String cpuUse = cpu.since();
            LoadReport report = LoadReport.of(tracker, start);
            System.out.printf(Locale.ROOT, "%s phase: %.0f measurements/s end to end, %d TCP connects%n", name,
                    report.endToEndPerSecond(), phase.connects());
            if (tracker.duplicateEvents() > 0) {
                System.out.println("note: " + tracker.duplicateEvents() + " duplicate events (same correlationId)");
            }
            if (name.equals("measured")) {
                System.out.println(report.render(options));
                System.out.println("CPU (cores, average over the phase): " + cpuUse);
            }
            return true;
        } finally {
            progress.shutdownNow();
        }
    }

    /** Polls (with a deadline) until every record's event has arrived. */
    private static boolean awaitEvents(PhaseTracker tracker, LoadOptions options) {
        long deadline = System.nanoTime() + options.eventTimeout().toNanos();
        while (tracker.uniqueEvents() < tracker.records && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        return tracker.uniqueEvents() == tracker.records;
    }
}
