package io.cemhub.experience;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.model.EventEnvelope;
import io.cemhub.pipeline.EventContext;
import io.cemhub.pipeline.EventFactory;
import io.cemhub.pipeline.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes every customer's experience index in one pass (a clustered Quartz job, or on demand): four
 * queries for all customers (rollup sums, registry, alarms, interactions), never one per customer or
 * service. A band change is stored and announced as CustomerExperienceChangeEvent on cem.events inside the
 * pass's database transaction (a broker that refuses it undoes the pass; the next one tries again).
 */
public class ExperienceService {

    public static final String CHANGE_EVENT = "CustomerExperienceChangeEvent";
    private static final Logger LOG = LoggerFactory.getLogger(ExperienceService.class);

    private final JdbcTemplate jdbc;
    private final RollupStore rollups;
    private final ActivityStore activity;
    private final ExperienceStore store;
    private final SlaContracts contracts;
    private final ExperienceIndex index;
    private final ExperienceProperties properties;
    private final EventFactory events;
    private final EventPublisher publisher;
    private final JmsTemplate producer;
    private final TransactionTemplate transaction;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ExperienceService(JdbcTemplate jdbc, RollupStore rollups, ActivityStore activity, ExperienceStore store,
                             SlaContracts contracts, ExperienceIndex index, ExperienceProperties properties,
                             EventFactory events, EventPublisher publisher, JmsTemplate transactedProducer,
                             TransactionTemplate transaction, ObjectMapper mapper, Clock clock) {
        this.jdbc = jdbc;
        this.rollups = rollups;
        this.activity = activity;
        this.store = store;
        this.contracts = contracts;
        this.index = index;
        this.properties = properties;
        this.events = events;
        this.publisher = publisher;
        this.producer = transactedProducer;
        this.transaction = transaction;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The index as the API shows it. */
    public record CustomerIndex(String customerId, String segment, double score, String band, Instant computedAt,
                                Instant bandSince, ExperienceIndex.Value parts) {
    }

    /**
     * One pass over every customer. Passes of one instance run one at a time (the scheduled pass and an
     * operator's on-demand pass would otherwise both insert a new customer's row, and one would fail); across
     * instances the scheduled pass runs on one of them (clustered Quartz), and an on-demand pass that meets it on
     * another instance fails on the duplicate row, changes nothing and can be asked again.
     *
     * @return the number of band changes announced
     */
    public synchronized int recompute() {
        Instant now = clock.instant();
        Instant from = now.minus(properties.getWindow());
        Fleet fleet = Fleet.load(jdbc, null);
        SlaCompliance.Result sla = SlaCompliance.of(rollups.sums(Granularity.HOUR, null, Granularity.HOUR.bucket(from), now),
                fleet, contracts);
        ActivityStore.Alarms alarms = activity.alarms(null, from, now, now);
        Map<String, ActivityStore.Interactions> interactions = activity.interactions(null, from, now);
        Integer changes = transaction.execute(status -> {
            Map<String, ExperienceStore.Current> before = store.all();
            List<ExperienceStore.Current> values = new ArrayList<>();
            int changed = 0;
            for (Fleet.CustomerInfo c : fleet.customers().values()) {
                ActivityStore.Interactions i = interactions.getOrDefault(c.id(), new ActivityStore.Interactions(0, 0));
                ExperienceIndex.Value v = index.compute(new ExperienceIndex.Inputs(sla.customer(c.id()).percent(),
                        Math.round(alarms.customer(c.id()).minutes() * 10) / 10.0, i.tickets(), i.paymentTrouble()));
                ExperienceStore.Current old = before.get(c.id());
                boolean change = old != null && !old.band().equals(v.band());
                Instant since = old == null || change ? now : old.bandSince();
                values.add(new ExperienceStore.Current(c.id(), c.segment(), v.score(), v.band(), json(v), now, since));
                if (change) {
                    announce(c, old, v, now);
                    changed++;
                }
            }
            store.save(values, before, now.truncatedTo(ChronoUnit.DAYS));
            return changed;
        });
        return changes == null ? 0 : changes;
    }

    public Optional<CustomerIndex> of(String customerId) {
        return store.find(customerId).map(c -> new CustomerIndex(c.customerId(), c.segment(), c.score(), c.band(),
                c.computedAt(), c.bandSince(), read(c.valueJson())));
    }

    /** Customers per segment and band, with the segment's average score per band. */
    public Map<String, Map<String, ExperienceStore.SegmentBand>> distribution() {
        Map<String, Map<String, ExperienceStore.SegmentBand>> bySegment = new LinkedHashMap<>();
        for (ExperienceStore.SegmentBand sb : store.distribution()) {
            bySegment.computeIfAbsent(sb.segment(), k -> new LinkedHashMap<>()).put(sb.band(), sb);
        }
        return bySegment;
    }

    public List<ExperienceStore.Day> trend(String customerId, Instant from, Instant to) {
        return store.days(customerId, from, to);
    }

    private void announce(Fleet.CustomerInfo c, ExperienceStore.Current old, ExperienceIndex.Value v, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", c.id());
        body.put("segment", c.segment());
        body.put("score", v.score());
        body.put("band", v.band());
        body.put("previousBand", old.band());
        body.put("previousScore", old.score());
        body.put("parts", v);
        String eventId = EventFactory.stableId(CHANGE_EVENT, c.id(), old.band(), v.band(), old.bandSince().toString());
        EventEnvelope envelope = events.envelope(eventId, CHANGE_EVENT, c.id(), "customer",
                ExperienceIndex.BAD.equals(v.band()) ? "high" : "normal", EventFactory.REPORTING_SYSTEM,
                Map.of("customerExperience", body));
        EventContext context = new EventContext(EventContext.RESOLVED, c.id(), c.name(), c.segment(), c.slaTier(), null, Map.of());
        publisher.publishAlone(producer, envelope, context, null, null);
        LOG.info("experience: customer {} moved from {} to {} (score {}), event {}", c.id(), old.band(), v.band(),
                v.score(), eventId);
    }

    private String json(ExperienceIndex.Value v) {
        try {
            return mapper.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ExperienceIndex.Value read(String json) {
        try {
            return mapper.readValue(json, ExperienceIndex.Value.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
