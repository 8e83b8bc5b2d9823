package io.cemhub.fault;

import io.cemhub.support.Http;
import io.cemhub.support.TestRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * A source that keeps sending while the test breaks things: {@code records} measurements over
 * {@code services} services, in batches, each service's records in sequence order (record id
 * {@code <run>:<service>:<seq>}, see {@link EventTally}). A batch is resent until the hub answers 202, as a
 * real source does (at-least-once from the source's side). Only a refused connection proves that nothing was
 * accepted; a batch whose answer was lost after it was sent, or that heard 503 because the broker died while
 * committing it, may have been accepted as well, so its records are noted as {@link #resentAfterLostAnswer()}:
 * a second copy of them downstream is the source's resend, not the hub's doing.
 */
final class FaultLoad implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(FaultLoad.class);

    private final String run;
    private final int records;
    private final int services;
    private final int batchSize;
    private final Supplier<Http> hub;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger failedPosts = new AtomicInteger();
    private final Set<String> resentAfterLostAnswer = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean done;
    private String padding = "";
    private int perSecond;

    /** @param hub the hub to send to, asked again for every attempt (it may have been restarted elsewhere) */
    FaultLoad(String run, int records, int services, int batchSize, Supplier<Http> hub) {
        this.run = run;
        this.records = records;
        this.services = services;
        this.batchSize = batchSize;
        this.hub = hub;
    }

    /** Each record carries a characteristic of {@code chars} characters (bigger events: a backlog that weighs). */
    FaultLoad padded(int chars) {
        padding = "x".repeat(chars);
        return this;
    }

    /** At most {@code recordsPerSecond} records a second (0: as fast as the hub accepts them). */
    FaultLoad paced(int recordsPerSecond) {
        perSecond = recordsPerSecond;
        return this;
    }

    String runName() {
        return run;
    }

    int records() {
        return records;
    }

    static String recordId(String run, int service, int seq) {
        return serviceKey(run, service) + ":" + seq;
    }

    /** How {@link EventTally} names the service of a record ({@code <run>:S<service>}). */
    static String serviceKey(String run, int service) {
        return run + ":S" + service;
    }

    static String serviceId(String run, int service) {
        return "FAULT-" + run + "-" + service;
    }

    /** Every record id this load sends. */
    Set<String> ids() {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < records; i++) {
            ids.add(recordId(run, i % services, i / services));
        }
        return ids;
    }

    @Override
    public void run() {
        try {
            long start = System.nanoTime();
            for (int from = 0; from < records; from += batchSize) {
                if (perSecond > 0) {
                    long due = start + from * 1_000_000_000L / perSecond;
                    await("the pace").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10))
                            .until(() -> System.nanoTime() >= due);
                }
                List<String> batch = new ArrayList<>();
                for (int i = from; i < Math.min(records, from + batchSize); i++) {
                    int service = i % services;
                    String json = TestRecords.measurementJson(recordId(run, service, i / services),
                            serviceId(run, service), "vpn.loss", i % 3);
                    batch.add(padding.isEmpty() ? json : json.substring(0, json.length() - 1)
                            + ",\"characteristics\":{\"note\":\"" + padding + "\"}}");
                }
                String body = batch.stream().collect(Collectors.joining(",", "[", "]"));
                List<String> ids = batch.stream().map(FaultLoad::idOf).toList();
                // Until 202: a dead hub is restarted by the test; the patience covers a slow restart.
                await("batch at record " + from + " accepted").atMost(Duration.ofMinutes(10))
                        .pollInterval(Duration.ofMillis(250)).pollDelay(Duration.ZERO).until(() -> send(body, ids));
                accepted.addAndGet(batch.size());
            }
        } catch (Throwable e) {
            failure.set(e);
            LOG.error("fault load {} stopped", run, e);
        } finally {
            done = true;
        }
    }

    private boolean send(String body, List<String> ids) {
        try {
            Http.Response answer = hub.get().post("/api/v1/measurements", body);
            if (answer.status() == 202) {
                return true;
            }
            failedPosts.incrementAndGet();
            if (answer.status() != 503) {
                LOG.warn("fault load {}: unexpected answer {}", run, answer);
            }
            resentAfterLostAnswer.addAll(ids); // the commit's outcome may be unknown to the hub itself
            return false;
        } catch (UncheckedIOException | IllegalStateException e) {
            failedPosts.incrementAndGet();
            if (!refused(e)) {
                resentAfterLostAnswer.addAll(ids); // sent, answer lost: it may have been accepted
            }
            return false;
        }
    }

    /** The connection was refused: nothing was sent, so nothing can have been accepted. */
    private static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static String idOf(String json) {
        int start = json.indexOf("\"id\":\"") + 6;
        return json.substring(start, json.indexOf('"', start));
    }

    int accepted() {
        return accepted.get();
    }

    int failedPosts() {
        return failedPosts.get();
    }

    Set<String> resentAfterLostAnswer() {
        return Set.copyOf(resentAfterLostAnswer);
    }

    boolean done() {
        return done;
    }

    /** Rethrows what stopped the load, if anything did. */
    void check() {
        Throwable e = failure.get();
        if (e != null) {
            throw new AssertionError("the load failed", e);
        }
    }
}
