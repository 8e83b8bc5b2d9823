package io.cemhub.threshold;

import io.cemhub.model.EventEnvelope;
import io.cemhub.pipeline.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One pass of the no-data check (route {@link NoDataMonitorRoute}): raises an alarm for every series whose
 * rule has {@code noDataSeconds} and whose last observation is older than that, and clears the no-data
 * alarms of series that reported again without the pipeline seeing the alarm (it was raised while their
 * message was in flight) or whose rule no longer asks for the check. Each series is one database
 * transaction with the notification sent inside it, so a broker that refuses it undoes the alarm; a crash
 * after the JMS commit makes the next pass send the same event ids again.
 */
public class NoDataMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(NoDataMonitor.class);
    /** Series raised per rule and pass at most: a mass outage is worked off over a few passes. */
    static final int BATCH = 500;

    private final RuleService rules;
    private final NoDataStore store;
    private final NoDataAlarms alarms;
    private final SilenceService silences;
    private final EventPublisher publisher;
    private final JmsTemplate producer;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public NoDataMonitor(RuleService rules, NoDataStore store, NoDataAlarms alarms, SilenceService silences,
                         EventPublisher publisher, JmsTemplate transactedProducer, TransactionTemplate transaction,
                         Clock clock) {
        this.rules = rules;
        this.store = store;
        this.alarms = alarms;
        this.silences = silences;
        this.publisher = publisher;
        this.producer = transactedProducer;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the number of alarms raised and cleared by this pass */
    public int check() {
        Instant now = clock.instant();
        Map<String, ThresholdRule> watching = rules.all().stream()
                .filter(r -> r.enabled() && r.noDataSeconds() != null)
                .collect(Collectors.toMap(ThresholdRule::id, Function.identity()));
        int changed = 0;
        for (ThresholdRule rule : watching.values()) {
            // Outside its active windows a rule is not evaluated, so a silence there is no news.
            if (rule.activeAt(now)) {
                Instant cutoff = now.minusSeconds(rule.noDataSeconds());
                for (NoDataStore.Silent series : store.silent(rule.id(), rule.metric(), cutoff, BATCH)) {
                    changed += raise(rule, series) ? 1 : 0;
                }
            }
        }
        for (NoDataStore.Active active : store.active()) {
            boolean stillWatched = active.ruleId() != null && watching.containsKey(active.ruleId());
            if (active.resumed() || !stillWatched) {
                changed += clear(active, active.resumed() ? "resumed" : "unwatched") ? 1 : 0;
            }
        }
        return changed;
    }

    private boolean raise(ThresholdRule rule, NoDataStore.Silent series) {
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> publish(series.serviceId(), series.metric(),
                    alarms.raise(rule, series, silences.silenced(series.serviceId(), null)))));
        } catch (DuplicateKeyException e) {
            LOG.debug("no-data alarm of {}/{} raised by another instance", series.serviceId(), series.metric());
            return false;
        }
    }

    private boolean clear(NoDataStore.Active active, String reason) {
        Instant clearedAt = active.resumed() ? active.lastObservedAt() : clock.instant();
        return Boolean.TRUE.equals(transaction.execute(status -> publish(active.serviceId(), active.metric(),
                alarms.clear(active.serviceId(), active.metric(), active.alarmId(), clearedAt,
                        NoDataAlarms.causeOf(active.alarmId()) + "/" + reason,
                        silences.silenced(active.serviceId(), null)))));
    }

    private boolean publish(String serviceId, String metric, Optional<EventEnvelope> event) {
        event.ifPresent(e -> publisher.publishAlone(producer, e, serviceId, metric));
        return event.isPresent();
    }
}
