package io.cemhub.subscription;

import java.util.Map;

/**
 * An event as it waits for a subscriber: the TMF688 envelope (JSON text), its id, the message properties
 * the broker filtered on, and when it was published (retries give up {@code maxAge} after that).
 */
public record QueuedEvent(String eventId, String body, Map<String, String> properties, long publishedAt) {

    public QueuedEvent {
        properties = Map.copyOf(properties);
    }

    public String property(String name) {
        return properties.get(name);
    }
}
