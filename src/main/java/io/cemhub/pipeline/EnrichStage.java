package io.cemhub.pipeline;

import io.cemhub.identity.ResolvedService;
import io.cemhub.model.Customer;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.Measurement;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;

/** Adds the customer's segment and SLA tier and the service's contracted values to every record. */
public class EnrichStage implements Processor {

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        for (PipelineItem item : (List<PipelineItem>) exchange.getMessage().getBody(List.class)) {
            if (item.isHeld()) {
                continue;
            }
            item.context(contextOf(item));
        }
    }

    static EventContext contextOf(PipelineItem item) {
        ResolvedService r = item.resolvedService();
        if (r != null) {
            Customer c = r.customer();
            return new EventContext(EventContext.RESOLVED, c.id(), c.name(), c.segment(), c.slaTier(),
                    r.service().serviceType(), r.service().characteristics());
        }
        Customer c = item.resolvedCustomer();
        if (c != null) {
            return new EventContext(EventContext.RESOLVED, c.id(), c.name(), c.segment(), c.slaTier(), null,
                    java.util.Map.of());
        }
        if (item.record() instanceof Measurement m) {
            return EventContext.unresolved(m.customerId(), m.serviceType());
        }
        return EventContext.unresolved(((CustomerInteraction) item.record()).customerId(), null);
    }
}
