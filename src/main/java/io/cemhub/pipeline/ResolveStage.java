package io.cemhub.pipeline;

import io.cemhub.identity.HeldKey;
import io.cemhub.identity.HoldPolicy;
import io.cemhub.identity.IdentityResolver;
import io.cemhub.identity.ResolvedService;
import io.cemhub.identity.IdentityRef;
import io.cemhub.model.CemRecord;
import io.cemhub.model.Customer;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.Measurement;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces the source's service id with the canonical one (keeping the source's id as
 * {@code characteristics.externalServiceId}). A record whose id is unknown is either held (its system is
 * one the CRM masters, {@code cem.identity.hold-systems}: it waits for the mapping, see {@link HoldPolicy};
 * the evaluate stage stores it) or flows on, flagged "unresolved" by the enrich stage, and counted.
 * Records coming back from the hold are never held again.
 */
public class ResolveStage implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ResolveStage.class);

    private final IdentityResolver resolver;
    private final HoldPolicy hold;
    private final Counter unresolved;
    private final Counter held;

    public ResolveStage(IdentityResolver resolver, HoldPolicy hold, MeterRegistry meters) {
        this.resolver = resolver;
        this.hold = hold;
        this.unresolved = meters.counter("cem.identity.unresolved");
        this.held = meters.counter("cem.identity.held");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        List<PipelineItem> items = exchange.getMessage().getBody(List.class);
        prefetch(items);
        for (PipelineItem item : items) {
            // records the hold released (their ingest message is marked) are never held again
            boolean mayHold = item.message().released() == null;
            CemRecord record = item.record();
            String system = systemOf(record);
            if (record instanceof Measurement m) {
                Optional<ResolvedService> found = resolver.service(system, m.serviceId());
                if (mayHold && held(item, new HeldKey(system, HeldKey.Kind.SERVICE, m.serviceId()), found.isPresent())) {
                    continue;
                }
                found.ifPresentOrElse(r -> {
                    item.resolvedService(r);
                    item.record(canonical(m, r));
                }, () -> unknown(record));
            } else if (record instanceof CustomerInteraction i) {
                Optional<Customer> found = resolver.customer(system, i.customerId());
                if (mayHold && held(item, new HeldKey(system, HeldKey.Kind.CUSTOMER, i.customerId()), found.isPresent())) {
                    continue;
                }
                found.ifPresentOrElse(item::resolvedCustomer, () -> unknown(record));
            }
        }
    }

    /**
     * Looks up the ids of the whole transaction at once (those not cached: one statement when none is known),
     * so that the per-record lookups below find them cached.
     */
    private void prefetch(List<PipelineItem> items) {
        Set<IdentityRef> services = new HashSet<>();
        Set<IdentityRef> customers = new HashSet<>();
        for (PipelineItem item : items) {
            // released as resolved: the mapping is new, so this instance's cache (maybe "unknown") is not asked
            boolean fresh = HoldPolicy.RELEASED_RESOLVED.equals(item.message().released());
            CemRecord record = item.record();
            String system = systemOf(record);
            if (record instanceof Measurement m) {
                look(services, system, m.serviceId(), fresh);
            } else if (record instanceof CustomerInteraction i) {
                look(customers, system, i.customerId(), fresh);
            }
        }
        resolver.prefetch(services, customers);
    }

    private void look(Set<IdentityRef> refs, String system, String ref, boolean fresh) {
        if (fresh) {
            resolver.forget(system, ref);
        }
        if (ref != null) {
            refs.add(new IdentityRef(system, ref));
        }
    }

    private static String systemOf(CemRecord record) {
        return record.source() == null ? null : record.source().system();
    }

    private boolean held(PipelineItem item, HeldKey key, boolean known) {
        if (!hold.mustWait(key, known)) {
            return false;
        }
        item.holdFor(key);
        hold.waiting(key);
        held.increment();
        if (LOG.isDebugEnabled()) {
            MDC.put("recordId", item.record().id());
            LOG.debug("{} {} from {} not known yet: record held", key.kind(), key.ref(), key.system());
            MDC.remove("recordId");
        }
        return true;
    }

    private static Measurement canonical(Measurement m, ResolvedService r) {
        Map<String, Object> characteristics = m.characteristics();
        if (!r.service().id().equals(m.serviceId())) {
            characteristics = new HashMap<>(characteristics);
            characteristics.put("externalServiceId", m.serviceId());
        }
        return m.withIdentity(r.service().id(), r.customer().id(), r.service().serviceType(), characteristics);
    }

    private void unknown(CemRecord record) {
        unresolved.increment();
        if (LOG.isDebugEnabled()) {
            MDC.put("recordId", record.id());
            LOG.debug("no registry entry for {} from {}: kept, flagged unresolved", record.partitionKey(),
                    record.source());
            MDC.remove("recordId");
        }
    }
}
