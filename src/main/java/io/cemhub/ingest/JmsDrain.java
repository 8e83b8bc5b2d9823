package io.cemhub.ingest;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The messages a {@link DrainingJmsListenerContainer} took off the queue after the one it hands to the
 * route, kept for the thread that runs the route (the listener runs synchronously on the consumer's own
 * thread). They are part of the same transacted session: the route must {@link #claim} and process them,
 * or the container rolls the session back so that they come again.
 */
public final class JmsDrain {

    /** Summary of the messages taken per transaction, tagged with the entry (jms-canonical or the adapter id). */
    public static final String METER = "cem.ingest.drain";

    private static final ThreadLocal<List<Message>> DRAINED = new ThreadLocal<>();
    private static final ThreadLocal<List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

    private JmsDrain() {
    }

    /** The messages drained with the current one (empty if none); after this call they are the caller's. */
    public static List<Message> claim() {
        List<Message> drained = DRAINED.get();
        DRAINED.remove();
        return drained == null ? List.of() : drained;
    }

    /** The entry's summary of messages per transaction (the exchange's own and those it claimed). */
    public static DistributionSummary summary(MeterRegistry meters, String entry) {
        return DistributionSummary.builder(METER).description("JMS messages an entry took in one transaction")
                .tag("entry", entry).register(meters);
    }

    /**
     * A message's body as Camel reads it for the exchange's own message: text as UTF-8, bytes as they are;
     * empty for no text or another kind of message (its records are then refused as an empty body).
     */
    public static byte[] bodyOf(Message message) throws JMSException {
        if (message instanceof TextMessage text) {
            return text.getText() == null ? new byte[0] : text.getText().getBytes(StandardCharsets.UTF_8);
        }
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return body;
        }
        return new byte[0];
    }

    /**
     * Runs {@code action} once the listener container has committed the current JMS transaction (on this
     * thread, in a {@link DrainingJmsListenerContainer}); dropped if it rolls back. Outside such a container
     * the action never runs.
     */
    public static void afterCommit(Runnable action) {
        List<Runnable> actions = AFTER_COMMIT.get();
        if (actions == null) {
            actions = new ArrayList<>(2);
            AFTER_COMMIT.set(actions);
        }
        actions.add(action);
    }

    static void committed() {
        List<Runnable> actions = AFTER_COMMIT.get();
        AFTER_COMMIT.remove();
        if (actions != null) {
            actions.forEach(Runnable::run);
        }
    }

    static void discardAfterCommit() {
        AFTER_COMMIT.remove();
    }

    static void hold(List<Message> drained) {
        if (drained.isEmpty()) {
            DRAINED.remove();
        } else {
            DRAINED.set(List.copyOf(drained));
        }
    }

    /** How many drained messages nobody claimed; clears them. */
    static int discardUnclaimed() {
        List<Message> drained = DRAINED.get();
        DRAINED.remove();
        return drained == null ? 0 : drained.size();
    }
}
