package io.cemhub.subscription;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.jms.core.JmsTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The step of a grouped subscription's timer route: sends each due group as one notification (several
 * when it holds more than maxGroupSize events), retried like single events; what cannot be delivered
 * goes to the dead-letter queue. A group's events leave the database only after the subscriber took them
 * (or they were dead-lettered), so a crash in between repeats the notification, with the same eventIds.
 * Instances sharing a database share the groups: only the elected leader notifies them, or every instance
 * would send each digest.
 */
final class GroupFlusher implements Processor {

    private final SubscriberLink link;
    private final Subscription subscription;
    private final GroupStore groups;
    private final JmsTemplate transactedProducer;
    private final Clock clock;
    private final int maxGroupSize;
    private final BooleanSupplier leads;

    GroupFlusher(SubscriberLink link, GroupStore groups, JmsTemplate transactedProducer, Clock clock, int maxGroupSize,
                 BooleanSupplier leads) {
        this.link = link;
        this.subscription = link.subscription();
        this.groups = groups;
        this.transactedProducer = transactedProducer;
        this.clock = clock;
        this.maxGroupSize = maxGroupSize;
        this.leads = leads;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        if (!leads.getAsBoolean()) {
            return;
        }
        for (String groupKey : groups.due(subscription, clock.instant())) {
            List<GroupStore.Waiting> waiting = groups.waiting(subscription, groupKey, maxGroupSize);
            if (waiting.isEmpty() || link.stop().stopped()) {
                continue;
            }
            if (!link.awaitSlot()) {
                return;
            }
            Notification n = new Notification(groupKey, waiting.stream().map(GroupStore.Waiting::event).toList());
            String failure;
            try {
                failure = link.deliver(n);
            } catch (RetryingDelivery.Stopped stopped) {
                return; // the events stay in the database for the next start
            }
            Instant now = clock.instant();
            if (failure != null) {
                transactedProducer.execute(session -> {
                    DeadLetters.send(session, subscription, n.events(), failure, now);
                    session.commit();
                    return null;
                }, false);
                link.status().deadLettered(n.events().size());
            }
            groups.done(subscription, groupKey, waiting, now);
        }
    }
}
