package io.cemhub.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.xml.ws.BindingProvider;
import jakarta.xml.ws.Dispatch;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.soap.SOAPFaultException;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.jaxws.DispatchImpl;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import javax.xml.namespace.QName;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Calls a subscriber's notify operation (static/wsdl/event-notification.wsdl) with Apache CXF, in
 * payload mode from the published WSDL. A soap:Client (Sender) fault is permanent; a server fault, a
 * timeout or a refused connection is retried.
 */
public class SoapSender implements EventSender {

    private static final QName SERVICE = new QName(SoapNotification.NS, "EventNotificationService");
    private static final QName PORT = new QName(SoapNotification.NS, "EventNotificationPort");
    static final String WSDL = "static/wsdl/event-notification.wsdl";

    private final ObjectMapper mapper;
    private final Duration timeout;
    private final Service service;
    /** One dispatch per subscription: a subscription has one delivering thread, and a dispatch is not thread-safe. */
    private final Map<String, Dispatch<Source>> dispatches = new ConcurrentHashMap<>();

    public SoapSender(ObjectMapper mapper, Duration timeout) {
        this.mapper = mapper;
        this.timeout = timeout;
        URL wsdl = SoapSender.class.getClassLoader().getResource(WSDL);
        if (wsdl == null) {
            throw new IllegalStateException(WSDL + " is missing from the class path");
        }
        this.service = Service.create(wsdl, SERVICE);
    }

    @Override
    public void send(Subscription s, Notification n) throws DeliveryException {
        Dispatch<Source> dispatch = dispatches.computeIfAbsent(s.id() + " " + s.callback(), k -> dispatch(s.callback()));
        try {
            dispatch.invoke(new StreamSource(new StringReader(SoapNotification.request(mapper, s.id(), n))));
        } catch (SOAPFaultException e) {
            String code = e.getFault().getFaultCodeAsQName().getLocalPart();
            boolean permanent = code.equals("Client") || code.equals("Sender");
            throw new DeliveryException("notify at " + s.callback() + " answered a " + code + " fault: "
                    + e.getFault().getFaultString(), permanent, e);
        } catch (WebServiceException e) {
            throw new DeliveryException("notify at " + s.callback() + " failed: " + rootMessage(e), false, e);
        }
    }

    /** Forgets the dispatch of a deleted subscription. */
    public void forget(String subscriptionId) {
        dispatches.keySet().removeIf(k -> k.startsWith(subscriptionId + " "));
    }

    private Dispatch<Source> dispatch(String address) {
        Dispatch<Source> dispatch = service.createDispatch(PORT, Source.class, Service.Mode.PAYLOAD);
        Map<String, Object> context = dispatch.getRequestContext();
        context.put(BindingProvider.ENDPOINT_ADDRESS_PROPERTY, address);
        context.put(BindingProvider.SOAPACTION_USE_PROPERTY, Boolean.TRUE);
        context.put(BindingProvider.SOAPACTION_URI_PROPERTY, SoapNotification.NS + "/notify");
        Client client = ((DispatchImpl<?>) dispatch).getClient();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setConnectionTimeout(timeout.toMillis());
        policy.setReceiveTimeout(timeout.toMillis());
        ((HTTPConduit) client.getConduit()).setClient(policy);
        return dispatch;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
