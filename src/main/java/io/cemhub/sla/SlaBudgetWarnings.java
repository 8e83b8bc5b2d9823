package io.cemhub.sla;

import io.cemhub.experience.SlaContracts;
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
 * The early-warning pass over the running month: projects each service's monthly budget from the burn so far
 * and sends SlaBudgetWarningEvent when the projection exceeds the budget, once per service, KPI and month (the
 * row in sla_budget_warning and the event commit together; the event id derives from service, KPI and month).
 */
public class SlaBudgetWarnings {

    private static final Logger LOG = LoggerFactory.getLogger(SlaBudgetWarnings.class);

    private final SlaMonth data;
    private final SlaStore store;
    private final SlaContracts contracts;
    private final SlaEvents events;
    private final TransactionTemplate transaction;
    private final SlaProperties.Warning settings;
    private final MeterRegistry meters;

    public SlaBudgetWarnings(SlaMonth data, SlaEvents events, TransactionTemplate transaction, SlaProperties.Warning settings,
                             MeterRegistry meters) {
        this.data = data;
        this.store = data.store();
        this.contracts = data.contracts();
        this.events = events;
        this.transaction = transaction;
        this.settings = settings;
        this.meters = meters;
    }

    /** A warning sent by a pass. */
    public record Sent(String serviceId, String metric, String eventId) {
    }

    /** What a pass did: service KPIs checked, how many are projected to breach, the warnings sent now. */
    public record Result(String month, Instant at, int checked, int warned, List<Sent> sent) {
    }

    /** Checks the month of {@code now} with the data before {@code now}. */
    public Result run(Instant now) {
        YearMonth month = YearMonth.from(now.atZone(ZoneOffset.UTC));
        Instant monthStart = MonthlyBudget.start(month);
        Set<SlaStore.Key> done = store.warned(monthStart);
        int checked = 0;
        int warned = 0;
        List<Sent> sent = new ArrayList<>();
        for (SlaMonth.Series s : data.load(month, now)) {
            checked++;
            MonthlyBudget.Status status = MonthlyBudget.of(month, s.target(), s.best(), s.hours(), now);
            if (!status.warns(settings.getThreshold(), settings.getMinHours())) {
                continue;
            }
            warned++;
            SlaStore.Key key = new SlaStore.Key(s.service().id(), s.metric());
            if (!done.contains(key)) {
                send(s, status, monthStart, now).ifPresent(sent::add);
            }
        }
        return new Result(month.toString(), now, checked, warned, sent);
    }

    private Optional<Sent> send(SlaMonth.Series s, MonthlyBudget.Status status, Instant monthStart, Instant now) {
        String eventId = SlaEvents.eventId(SlaEvents.WARNING_EVENT, s.service().id(), s.metric(), status.month());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serviceId", s.service().id());
        body.put("customerId", s.service().customerId());
        body.put("metric", s.metric());
        body.put("slaTier", contracts.effectiveTier(s.customer() == null ? null : s.customer().slaTier()));
        body.put("budget", status);
        MDC.put("eventId", eventId);
        try {
            transaction.executeWithoutResult(tx -> {
                store.warning(new SlaStore.Key(s.service().id(), s.metric()), monthStart, eventId,
                        s.service().customerId(), events.json(status), now);
                events.warning(s, eventId, body);
            });
            meters.counter("cem.sla.warnings", "metric", s.metric()).increment();
            LOG.info("SLA budget warning: service {} {} in {}: projected use {} of budget {} (used {}), event {}",
                    s.service().id(), s.metric(), status.month(), status.projectedUse(), status.budget(), status.used(),
                    eventId);
            return Optional.of(new Sent(s.service().id(), s.metric(), eventId));
        } catch (DuplicateKeyException e) {
            return Optional.empty(); // another instance sent it in the meantime
        } finally {
            MDC.remove("eventId");
        }
    }
}
