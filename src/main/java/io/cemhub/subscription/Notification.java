package io.cemhub.subscription;

import java.util.List;

/**
 * What one call to a subscriber carries: one event, or (grouped subscriptions) the events of one group,
 * in order.
 *
 * @param groupKey null for a single event
 */
public record Notification(String groupKey, List<QueuedEvent> events) {

    public Notification {
        events = List.copyOf(events);
    }

    public static Notification single(QueuedEvent event) {
        return new Notification(null, List.of(event));
    }

    public boolean grouped() {
        return groupKey != null;
    }

    /** When the oldest event was published: retries stop maxAge after it. */
    public long oldestPublishedAt() {
        return events.stream().mapToLong(QueuedEvent::publishedAt).min().orElse(0);
    }
}
