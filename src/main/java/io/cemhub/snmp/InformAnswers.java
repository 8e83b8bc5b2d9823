package io.cemhub.snmp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.mp.StatusInformation;

import java.util.List;

/** Answers INFORMs (a RESPONSE with the request's id and varbinds), once their traps are durable. */
final class InformAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(InformAnswers.class);

    private InformAnswers() {
    }

    static void answer(List<PendingTrap> batch, TrapMetrics metrics) {
        for (PendingTrap trap : batch) {
            if (trap.inform() != null) {
                answer(trap.inform(), metrics);
            }
        }
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void answer(CommandResponderEvent event, TrapMetrics metrics) {
        PDU response = (PDU) event.getPDU().clone();
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noError);
        response.setErrorIndex(0);
        try {
            event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(),
                    event.getSecurityName(), event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(),
                    event.getStateReference(), new StatusInformation());
            metrics.informAcknowledged();
        } catch (MessageException e) {
            // durable all the same; the sender repeats the INFORM and the repeat maps to the same record ids
            LOG.warn("the answer to an INFORM from {} could not be sent: {}", event.getPeerAddress(), e.getMessage());
        }
    }
}
