package io.cemhub.crm;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every Fault the notification service answers ({@code cem.crm.faults{kind}}: client = the request
 * was refused, server = the hub could not take it now) and logs it in one line: invalid and hostile
 * requests never reach the route, so this is where they are seen.
 */
public class FaultCounter extends AbstractPhaseInterceptor<Message> {

    private static final Logger LOG = LoggerFactory.getLogger(FaultCounter.class);

    private final MeterRegistry meters;

    public FaultCounter(MeterRegistry meters) {
        super(Phase.SETUP);
        this.meters = meters;
    }

    @Override
    public void handleMessage(Message message) {
        Exception e = message.getContent(Exception.class);
        Fault fault = e instanceof Fault f ? f : null;
        // CXF's own faults say "client" (its fault code namespace), SOAP 1.1 faults "Client"; VersionMismatch
        // and MustUnderstand are the request's fault too: only Server (and an unknown exception) is the hub's
        boolean client = fault != null && fault.getFaultCode() != null
                && !fault.getFaultCode().getLocalPart().equalsIgnoreCase("server");
        String kind = client ? "client" : "server";
        meters.counter("cem.crm.faults", "kind", kind).increment();
        LOG.warn("CRM request refused with a {} Fault: {}", kind, e == null ? "?" : e.getMessage());
    }
}
