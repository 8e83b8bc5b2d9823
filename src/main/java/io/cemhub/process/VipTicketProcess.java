package io.cemhub.process;

import io.cemhub.crm.CrmQueryClient;
import io.cemhub.crm.NewTroubleTicket;
import io.cemhub.model.Alarm;
import io.cemhub.pipeline.EventContext;
import io.cemhub.pipeline.EventPublisher;
import io.cemhub.threshold.AlarmEvents;
import io.cemhub.threshold.AlarmFactory;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.threshold.SilenceService;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The beans of route vip-ticket (routes/vip-ticket.yaml): {@link #due()} finds the critical alarms on VIP
 * customers' services open longer than {@code cem.processes.vip-ticket.after} without a ticket;
 * {@link #open} asks the CRM for a ticket (CreateTroubleTicket, idempotency key = the alarm id, behind a
 * circuit breaker) and attaches it to the alarm: the alarm_ticket row, the alarm's troubleTicket reference and
 * an AlarmAttributeValueChangeEvent, in one database transaction with the event sent inside it. A CRM that is
 * down or answers a Fault leaves the alarm as it was: the next pass asks again, and the CRM's idempotency
 * makes a repeated call (after a crash, or two instances during a leader change) return the same ticket.
 */
public class VipTicketProcess {

    private static final Logger LOG = LoggerFactory.getLogger(VipTicketProcess.class);
    static final String METER = "cem.processes.tickets";

    private final VipTicketProperties properties;
    private final VipTicketStore store;
    private final AlarmStore alarms;
    private final AlarmEvents events;
    private final EventPublisher publisher;
    private final JmsTemplate producer;
    private final TransactionTemplate transaction;
    private final SilenceService silences;
    private final ObjectProvider<CrmQueryClient> crm;
    private final MeterRegistry meters;
    private final Clock clock;
    private final AtomicBoolean crmDown = new AtomicBoolean();
    private final AtomicBoolean noCrmLogged = new AtomicBoolean();

    public VipTicketProcess(VipTicketProperties properties, VipTicketStore store, AlarmStore alarms, AlarmEvents events,
                            EventPublisher publisher, JmsTemplate transactedProducer, TransactionTemplate transaction,
                            SilenceService silences, ObjectProvider<CrmQueryClient> crm, MeterRegistry meters,
                            Clock clock) {
        this.properties = properties;
        this.store = store;
        this.alarms = alarms;
        this.events = events;
        this.publisher = publisher;
        this.producer = transactedProducer;
        this.transaction = transaction;
        this.silences = silences;
        this.crm = crm;
        this.meters = meters;
        this.clock = clock;
        for (String outcome : List.of("created", "fault", "unavailable")) {
            meters.counter(METER, "outcome", outcome);
        }
    }

    /**
     * The alarms due for a ticket now, oldest first, at most {@code batch}; none when the process is off or no
     * CRM is configured. Alarms of a silenced service or customer (maintenance window) wait for its end.
     */
    public List<VipTicketStore.Due> due() {
        if (!properties.isEnabled()) {
            return List.of();
        }
        if (crm.getIfAvailable() == null) {
            if (noCrmLogged.compareAndSet(false, true)) {
                LOG.warn("vip-ticket: no CRM query service (cem.crm.query.url) to open tickets in: the process is idle");
            }
            return List.of();
        }
        Instant raisedBefore = clock.instant().minus(properties.getAfter());
        int batch = Math.max(1, properties.getBatch());
        return store.due(raisedBefore, lower(properties.getSeverities()), properties.getSegments(),
                        properties.getSlaTiers(), batch * 2).stream()
                .filter(d -> !silences.silenced(d.serviceId(), d.customerId()))
                .limit(batch)
                .toList();
    }

    /** Opens and attaches the ticket of one due alarm; @return created, fault, unavailable or gone. */
    public String open(VipTicketStore.Due due) {
        MDC.put("eventId", due.alarmId());
        try {
            CrmQueryClient.TicketAnswer answer = crm.getObject().createTroubleTicket(request(due));
            switch (answer.outcome()) {
                case UNAVAILABLE -> {
                    if (crmDown.compareAndSet(false, true)) {
                        LOG.warn("vip-ticket: the CRM does not answer ({}): tickets wait for the next pass", answer.detail());
                    }
                    return count("unavailable");
                }
                case FAULT -> {
                    LOG.warn("vip-ticket: the CRM refused the ticket of alarm {} ({}): asked again next pass",
                            due.alarmId(), answer.detail());
                    return count("fault");
                }
                default -> {
                    if (crmDown.compareAndSet(true, false)) {
                        LOG.info("vip-ticket: the CRM answers again");
                    }
                }
            }
            return attach(due, answer.ticketId()) ? count("created") : "gone";
        } finally {
            MDC.remove("eventId");
        }
    }

    private NewTroubleTicket request(VipTicketStore.Due due) {
        Duration open = Duration.between(due.raisedAt(), clock.instant());
        String problem = alarms.find(due.alarmId()).map(Alarm::specificProblem).orElse(due.severity() + " alarm");
        String description = problem + " on service " + due.serviceId() + " of customer " + due.customerId()
                + (due.segment() == null ? "" : " (segment " + due.segment() + ")")
                + (due.slaTier() == null ? "" : " (SLA tier " + due.slaTier() + ")")
                + " since " + due.raisedAt() + " (alarm " + due.alarmId() + ")";
        return new NewTroubleTicket(due.alarmId(), due.customerId(), due.serviceId(), due.alarmId(), due.severity(),
                truncate(due.severity() + " alarm on " + due.serviceId() + " open " + open.toMinutes() + " min", 256),
                truncate(description, 4000), properties.getTicketType(), due.raisedAt());
    }

    /** @return true when this call attached the ticket (false: attached already, or the alarm is gone) */
    private boolean attach(VipTicketStore.Due due, String ticketId) {
        Instant now = clock.instant();
        try {
            return Boolean.TRUE.equals(transaction.execute(status -> {
                if (!store.record(due.alarmId(), ticketId, now)) {
                    return false;
                }
                Alarm alarm = alarms.findForUpdate(due.alarmId()).orElseThrow();
                Alarm ticketed = AlarmFactory.ticketed(alarm, new Alarm.TroubleTicketRef(ticketId, now, "TroubleTicket"), now);
                alarms.update(ticketed);
                EventContext context = new EventContext(EventContext.RESOLVED, due.customerId(), null, due.segment(),
                        due.slaTier(), null, Map.of());
                publisher.publishAlone(producer, events.event(AlarmEvents.CHANGE, ticketed,
                        due.alarmId() + "/troubleTicket/" + ticketId), context, due.serviceId(), null);
                LOG.info("vip-ticket: ticket {} opened in the CRM for alarm {} on {} of customer {}", ticketId,
                        due.alarmId(), due.serviceId(), due.customerId());
                return true;
            }));
        } catch (DuplicateKeyException e) {
            LOG.debug("vip-ticket: alarm {} got its ticket from another instance", due.alarmId());
            return false;
        }
    }

    private String count(String outcome) {
        meters.counter(METER, "outcome", outcome).increment();
        return outcome;
    }

    private static List<String> lower(List<String> values) {
        return values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
