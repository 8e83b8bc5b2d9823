package io.cemhub.pipeline;

import io.cemhub.identity.IdentityResolver;
import io.cemhub.identity.ResolvedService;
import io.cemhub.model.CemRecord;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Replaces the source's service id with the canonical one (keeping the source's id as
 * {@code characteristics.externalServiceId}). A record whose service is unknown is kept and flows on,
 * flagged "unresolved" by the enrich stage, and counted.
 */
public class ResolveStage implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ResolveStage.class);

    private final IdentityResolver resolver;
    private final Counter unresolved;

    public ResolveStage(IdentityResolver resolver, MeterRegistry meters) {
        this.resolver = resolver;
        this.unresolved = meters.counter("cem.identity.unresolved");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        for (PipelineItem item : (List<PipelineItem>) exchange.getMessage().getBody(List.class)) {
            CemRecord record = item.record();
            String system = record.source() == null ? null : record.source().system();
            if (record instanceof Measurement m) {
                Optional<ResolvedService> found = resolver.service(system, m.serviceId());
                found.ifPresentOrElse(r -> {
                    item.resolvedService(r);
                    item.record(canonical(m, r));
                }, () -> unknown(record));
            } else if (record instanceof CustomerInteraction i) {
                resolver.customer(system, i.customerId()).ifPresentOrElse(item::resolvedCustomer, () -> unknown(record));
            }
        }
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
