package io.cemhub.quarantine;

import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.jms.JmsMessage;

/**
 * Error-handler step: puts the exchange's body (still the original payload: stages replace the body
 * only once they succeed) into quarantine, in the consumer's transaction when there is one. The
 * adapter is the {@code cemAdapter} exchange property, or else the route id.
 */
public class QuarantineProcessor implements Processor {

    private final QuarantineService quarantine;

    public QuarantineProcessor(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Throwable cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        String reason = cause == null ? "unknown" : cause.getMessage();
        String adapter = exchange.getProperty(QuarantineService.ADAPTER, exchange.getFromRouteId(), String.class);
        byte[] payload = exchange.getMessage().getBody(byte[].class);
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        Session session = jms == null ? null : jms.getJmsSession();
        quarantine.quarantine(session != null && session.getTransacted() ? session : null, adapter,
                exchange.getFromEndpoint() == null ? "unknown" : exchange.getFromEndpoint().getEndpointUri(),
                payload == null ? new byte[0] : payload, reason);
    }
}
