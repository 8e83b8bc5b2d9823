package io.cemhub.adapter;

import jakarta.jms.Session;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.jms.JmsMessage;
import org.apache.camel.component.platform.http.springboot.PlatformHttpMessage;
import org.apache.camel.util.URISupport;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The first step of every adapter (bean {@code cemAdapterEntry}). Header hygiene: whatever a transport
 * turned into headers (HTTP headers, query parameters, JMS properties) must never steer Camel, so every
 * header whose name starts with "Camel", in any case ({@code cAmElJmsDestinationName},
 * {@code CAMELBEANMETHODNAME}), is removed before any other step runs. It also keeps what later steps
 * need and the transport may lose: the original payload, the transport, the origin and the JMS session.
 */
public class AdapterEntry implements Processor {

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        message.getHeaders().keySet().removeIf(AdapterEntry::isCamelHeader);
        byte[] payload = message.getBody(byte[].class);
        exchange.setProperty(AdapterExchange.PAYLOAD, payload == null ? new byte[0] : payload);
        // Inside the Kamelet the exchange's from-endpoint is kamelet://source: the transport is told by the
        // message the transport's consumer created (JMS, HTTP) or by the file it read.
        JmsMessage jms = exchange.getIn(JmsMessage.class);
        PlatformHttpMessage http = exchange.getIn(PlatformHttpMessage.class);
        Object file = exchange.getProperty(Exchange.FILE_EXCHANGE_FILE);
        if (http != null) {
            // the bytes as sent (IngestBodyFilter read them), not Camel's reading of them by Content-Type
            if (http.getRequest().getAttribute(io.cemhub.api.IngestBodyFilter.RAW_BODY) instanceof byte[] raw) {
                exchange.setProperty(AdapterExchange.PAYLOAD, raw);
                message.setBody(raw);
            }
            exchange.setProperty(AdapterExchange.TRANSPORT, "rest");
            exchange.setProperty(AdapterExchange.ORIGIN, "rest:" + http.getRequest().getRequestURI());
        } else if (jms != null) {
            exchange.setProperty(AdapterExchange.TRANSPORT, "jms");
            exchange.setProperty(AdapterExchange.ORIGIN, "jms:" + destination(jms));
            Session session = jms.getJmsSession() != null ? jms.getJmsSession() : listenerSessionOfThisThread();
            if (session != null && session.getTransacted()) {
                exchange.setProperty(AdapterExchange.JMS_SESSION, session);
            }
        } else if (file instanceof GenericFile<?> f) {
            exchange.setProperty(AdapterExchange.TRANSPORT, "file");
            exchange.setProperty(AdapterExchange.ORIGIN, "file:" + f.getAbsoluteFilePath());
        } else {
            String uri = exchange.getFromEndpoint() == null ? "unknown" : exchange.getFromEndpoint().getEndpointUri();
            exchange.setProperty(AdapterExchange.TRANSPORT, uri.replaceFirst(":.*", ""));
            exchange.setProperty(AdapterExchange.ORIGIN, URISupport.sanitizeUri(uri).replaceFirst("\\?.*", ""));
        }
    }

    /**
     * The listener's session when the message no longer carries it: a Kamelet runs on a correlated copy of
     * the route's exchange, and {@code JmsMessage#copyFrom} leaves the session behind. The listener
     * container binds its session to the thread while the listener runs (route option
     * {@code exposeListenerSession=true}, no transaction manager), so it is found there. Without it a JMS
     * adapter would take a message item by item in transactions of its own, not whole in the listener's.
     */
    static Session listenerSessionOfThisThread() {
        for (Object resource : TransactionSynchronizationManager.getResourceMap().values()) {
            if (resource instanceof JmsResourceHolder holder && holder.getSession() != null) {
                return holder.getSession();
            }
        }
        return null;
    }

    private static String destination(JmsMessage jms) {
        try {
            return jms.getJmsMessage() == null || jms.getJmsMessage().getJMSDestination() == null ? "unknown"
                    : jms.getJmsMessage().getJMSDestination().toString();
        } catch (jakarta.jms.JMSException e) {
            return "unknown";
        }
    }

    static boolean isCamelHeader(String name) {
        return name != null && name.regionMatches(true, 0, "camel", 0, 5);
    }
}
