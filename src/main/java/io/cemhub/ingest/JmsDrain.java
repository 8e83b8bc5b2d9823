package io.cemhub.ingest;

import jakarta.jms.Message;

import java.util.List;

/**
 * The messages a {@link DrainingJmsListenerContainer} took off the queue after the one it hands to the
 * route, kept for the thread that runs the route (the listener runs synchronously on the consumer's own
 * thread). They are part of the same transacted session: the route must {@link #claim} and process them,
 * or the container rolls the session back so that they come again.
 */
public final class JmsDrain {

    private static final ThreadLocal<List<Message>> DRAINED = new ThreadLocal<>();

    private JmsDrain() {
    }

    /** The messages drained with the current one (empty if none); after this call they are the caller's. */
    public static List<Message> claim() {
        List<Message> drained = DRAINED.get();
        DRAINED.remove();
        return drained == null ? List.of() : drained;
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
