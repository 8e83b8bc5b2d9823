package io.cemhub.sla;

import io.cemhub.experience.SlaContracts;
import io.cemhub.pipeline.EventFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The month-end pass: a service whose month average of a monthly KPI misses its target gets SlaBreachEvent and
 * a compensation credit (the tier's rule), never twice: the breach row (unique per service, KPI and month) is
 * inserted in the database transaction that publishes both; a later pass, on any instance, finds it and sends
 * nothing.
 */
public class SlaMonthEnd {

    private static final Logger LOG = LoggerFactory.getLogger(SlaMonthEnd.class);

    private final SlaMonth data;
    private final SlaStore store;
    private final SlaContracts contracts;
    private final SlaEvents events;
    private final TransactionTemplate transaction;
    private final SlaProperties.MonthEnd settings;
    private final MeterRegistry meters;

    public SlaMonthEnd(SlaMonth data, SlaEvents events,
                       TransactionTemplate transaction, SlaProperties.MonthEnd settings, MeterRegistry meters) {
        this.data = data;
        this.store = data.store();
        this.contracts = data.contracts();
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.meters = meters;
    }

    /** What a pass did: service KPIs checked, compliant, in breach, and the breaches credited now. */
    public record Result(String month, int checked, int compliant, int breaches, List<SlaStore.Breach> credited) {
    }

    /** The scheduled pass: closes the month before {@code now - delay} unless it was closed already. */
    public Result closeDue(Instant now) {
        YearMonth due = YearMonth.from(now.minus(settings.getDelay()).atZone(ZoneOffset.UTC)).minusMonths(1);
        return store.closed(MonthlyBudget.start(due)) ? null : close(due, now);
    }

    /** Closes a month (on demand: again if it was closed; what was credited is not credited again). */
    public Result close(YearMonth month, Instant now) {
        if (!now.isAfter(MonthlyBudget.end(month))) {
            throw new IllegalArgumentException("month " + month + " has not ended yet");
        }
        Instant monthStart = MonthlyBudget.start(month);
        Set<SlaStore.Key> done = store.breached(monthStart);
        List<SlaMonth.Series> all = data.load(month, MonthlyBudget.end(month));
        int breaches = 0;
        List<SlaStore.Breach> credited = new ArrayList<>();
        for (SlaMonth.Series s : all) {
            double average = MonthlyBudget.average(s.hours());
            if (s.target().met(average)) {
                continue;
            }
            breaches++;
            if (!done.contains(new SlaStore.Key(s.service().id(), s.metric()))) {
                credit(s, month, average, now).ifPresent(credited::add);
            }
        }
        try {
            store.close(monthStart, now, all.size(), breaches);
        } catch (DuplicateKeyException e) {
            LOG.debug("month {} closed by another pass at the same time", month);
        }
        return new Result(month.toString(), all.size(), all.size() - breaches, breaches, credited);
    }

    private Optional<SlaStore.Breach> credit(SlaMonth.Series s, YearMonth month, double average, Instant now) {
        String m = month.toString();
        String tier = contracts.effectiveTier(s.customer() == null ? null : s.customer().slaTier());
        SlaContracts.Credit rule = contracts.credit(tier);
        double shortfall = s.target().shortfallPercent(average);
        String eventId = SlaEvents.eventId(SlaEvents.BREACH_EVENT, s.service().id(), s.metric(), m);
        String creditId = EventFactory.stableId("SlaCompensationCredit", s.service().id(), s.metric(), m);
        SlaStore.Breach breach = new SlaStore.Breach(s.service().id(), s.metric(), MonthlyBudget.start(month), creditId,
                eventId, s.service().customerId(), tier, s.target().value(), MonthlyBudget.round(average),
                MonthlyBudget.round(shortfall), rule.amount(shortfall), contracts.currency(), now);
        Map<String, Object> credit = SlaCredits.message(breach, m, s.metric(), s.target(), rule, s.hours().size());
        Map<String, Object> body = new LinkedHashMap<>(credit);
        body.remove("type");
        MDC.put("eventId", eventId);
        try {
            transaction.executeWithoutResult(tx -> {
                store.breach(breach);
                events.breach(s, eventId, body, credit);
            });
            meters.counter("cem.sla.breaches", "metric", s.metric()).increment();
            LOG.info("SLA breach: service {} {} in {}: average {} vs target {}, credit {} {} ({}), event {}",
                    s.service().id(), s.metric(), m, breach.monthAverage(), breach.target(), breach.amount(),
                    breach.currency(), creditId, eventId);
            return Optional.of(breach);
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another pass credited it in the meantime
        } finally {
            MDC.remove("eventId");
        }
    }
}
