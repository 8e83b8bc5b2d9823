package io.cemhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.EventCollector;
import io.cemhub.support.TestRecords;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static org.awaitility.Awaitility.await;

/**
 * Counts what came out on cem.events through a durable subscription, as a subscriber system sees it:
 * events per eventId (a second one is a duplicate), the record events of a {@link FaultLoad} run, and the
 * order of each service's records (the record id ends in the service's sequence number). Only counts are
 * kept, so that 100,000 events fit. Create it with {@link #subscribe} before the load starts (the broker
 * keeps the events for it), {@link #drain} it once the faults are over.
 */
final class EventTally implements AutoCloseable {

    private final String run;
    private final Map<String, AtomicInteger> perEventId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perRecord = new ConcurrentHashMap<>();
    private final Map<String, Integer> lastSeq = new ConcurrentHashMap<>();
    private final List<String> outOfOrder = new ArrayList<>();
    private final AtomicInteger events = new AtomicInteger();
    private Connection connection;

    private EventTally(String run) {
        this.run = run;
    }

    /** Makes the durable subscription {@code name} (if it is new) and disconnects: events now wait for it. */
    static void subscribe(ConnectionFactory factory, String name) {
        new EventCollector(factory, name).close();
    }

    /** Connects to the durable subscription and counts every event it delivers from now on. */
    static EventTally drain(ConnectionFactory factory, String name, String run) {
        EventTally tally = new EventTally(run);
        try {
            tally.connection = factory.createConnection();
            Session session = tally.connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createSharedDurableConsumer(session.createTopic("cem.events"), name);
            consumer.setMessageListener(m -> tally.count(text(m)));
            tally.connection.start();
            return tally;
        } catch (JMSException e) {
            throw new IllegalStateException("cannot subscribe to cem.events as " + name, e);
        }
    }

    private static String text(jakarta.jms.Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts events that reached a subscriber some other way (a webhook receiver's bodies), in arrival order. */
    static EventTally of(String run, List<JsonNode> events) {
        EventTally tally = new EventTally(run);
        events.forEach(tally::count);
        return tally;
    }

    private void count(String json) {
        try {
            count(TestRecords.JSON.readTree(json));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable event " + json, e);
        }
    }

    /** Listener thread only (one per session): the order bookkeeping needs no further locking. */
    private void count(JsonNode event) {
        events.incrementAndGet();
        perEventId.computeIfAbsent(event.path("eventId").asText(), k -> new AtomicInteger()).incrementAndGet();
        String recordId = event.path("correlationId").asText();
        if (!EventCollector.isRecordEvent(event) || !recordId.startsWith(run + ":")) {
            return;
        }
        if (perRecord.computeIfAbsent(recordId, k -> new AtomicInteger()).incrementAndGet() > 1) {
            return; // a repeat; order is judged on first arrivals
        }
        int cut = recordId.lastIndexOf(':');
        String service = recordId.substring(0, cut);
        int seq = Integer.parseInt(recordId.substring(cut + 1));
        Integer last = lastSeq.put(service, seq);
        if (last != null && seq <= last) {
            synchronized (outOfOrder) {
                outOfOrder.add(recordId + " after seq " + last);
            }
        }
    }

    /** The highest sequence number of {@code service}'s records that arrived ("run:S3" for service 3), or -1. */
    int lastSeq(String service) {
        return lastSeq.getOrDefault(service, -1);
    }

    /**
     * Waits until every one of {@code records} records came out, then until nothing more comes for 10 s (a late
     * duplicate would show).
     */
    void awaitEveryRecord(int records) {
        await("every record came out").atMost(Duration.ofMinutes(5 + records / 1_000))
                .pollInterval(Duration.ofSeconds(1)).until(() -> records() >= records);
        awaitQuiet("no further events", this::events);
    }

    /**
     * Waits until every one of {@code records} records came out or nothing at all has come for {@code stall}
     * (then the caller's assertion says what is missing, instead of waiting out a timeout of hours).
     */
    void awaitEveryRecordOrStall(int records, Duration stall) {
        int[] last = {-1};
        long[] since = {System.nanoTime()};
        await("every record came out, or a stall of " + stall).atMost(Duration.ofMinutes(5 + records / 1_000))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    int now = events();
                    if (now != last[0]) {
                        last[0] = now;
                        since[0] = System.nanoTime();
                    }
                    return records() >= records || System.nanoTime() - since[0] > stall.toNanos();
                });
    }

    /** What of {@code expected} did not come out: how many, per service, and the first few ids. */
    String missing(Set<String> expected) {
        Set<String> missing = missingIds(expected);
        Map<String, Long> perService = new java.util.TreeMap<>();
        missing.forEach(id -> perService.merge(id.substring(0, id.lastIndexOf(':')), 1L, Long::sum));
        return missing.size() + " missing (" + this + "); per service " + perService + "; first "
                + missing.stream().limit(30).toList();
    }

    /** The record ids of {@code expected} that did not come out, sorted. */
    Set<String> missingIds(Set<String> expected) {
        Set<String> missing = new java.util.TreeSet<>(expected);
        missing.removeAll(perRecord.keySet());
        return missing;
    }

    /** Waits until {@code count} has not moved for 10 s. */
    static void awaitQuiet(String what, IntSupplier count) {
        int[] last = {-1};
        await(what).during(Duration.ofSeconds(10)).atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    int now = count.getAsInt();
                    boolean same = now == last[0];
                    last[0] = now;
                    return same;
                });
    }

    int events() {
        return events.get();
    }

    /** Distinct records of the run that arrived. */
    int records() {
        return perRecord.size();
    }

    Set<String> recordIds() {
        return Set.copyOf(perRecord.keySet());
    }

    /** eventIds that arrived more than once. */
    List<String> duplicateEventIds() {
        return perEventId.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    /** Record ids whose record event arrived more than once. */
    List<String> duplicateRecords() {
        return perRecord.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList();
    }

    List<String> outOfOrder() {
        synchronized (outOfOrder) {
            return List.copyOf(outOfOrder);
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "events=" + events() + ", records=" + records() + ", duplicate eventIds=" + duplicateEventIds().size()
                + ", out of order=" + outOfOrder().size();
    }
}
