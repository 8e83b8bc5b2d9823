package io.cemhub.crm;

import com.ctc.wstx.exc.WstxLazyException;
import com.ctc.wstx.exc.WstxParsingException;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Answers a request that is not well-formed XML with {@code soap:Client}, whatever reading step found it.
 * Woodstox reads text lazily: a character reference to a character XML forbids ({@code &#x1;}) breaks only
 * when the text is taken, as an unchecked {@link WstxLazyException} that CXF does not take for a reading
 * error and answers with {@code soap:Server} ("try again later", which would never help). A parse error of
 * the request anywhere in the cause chain makes it the caller's fault: code {@code invalid-xml}, the parser's
 * words. Runs first in the out-fault chain, before {@link FaultCounter} counts the Fault.
 */
public class MalformedRequestFault extends AbstractPhaseInterceptor<Message> {

    public MalformedRequestFault() {
        super(Phase.SETUP);
        addBefore(FaultCounter.class.getName());
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.getContent(Exception.class) instanceof Fault fault) || isClient(fault)) {
            return;
        }
        Throwable parse = parseError(fault);
        if (parse != null) {
            String words = String.valueOf(parse.getMessage()).replaceAll("\\s+", " ").trim();
            message.setContent(Exception.class, CrmFaults.client("invalid-xml", "the request is not well-formed XML: "
                    + words));
        }
    }

    private static boolean isClient(Fault fault) {
        return fault.getFaultCode() != null && !fault.getFaultCode().getLocalPart().equalsIgnoreCase("server");
    }

    /** The parser's own exception in the cause chain (a writer's error is no reason to blame the caller). */
    private static Throwable parseError(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof WstxLazyException lazy) {
                return lazy.getCause() != null ? lazy.getCause() : lazy;
            }
            if (cause instanceof WstxParsingException) {
                return cause;
            }
        }
        return null;
    }
}
