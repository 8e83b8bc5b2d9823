package io.cemhub.support;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceException;
import jakarta.xml.ws.WebServiceProvider;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.jaxws.EndpointImpl;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import javax.xml.transform.Source;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMResult;
import javax.xml.transform.stream.StreamSource;
import java.io.StringReader;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A SOAP subscriber: a real Apache CXF endpoint (own bus, Undertow on a free loopback port) implementing
 * the hub's event-notification WSDL, with schema validation on, so that a request the WSDL does not
 * allow is refused. The first {@code failures} calls answer a soap:Server fault.
 */
public final class SoapSubscriber implements AutoCloseable {

    private final Bus bus = BusFactory.newInstance().createBus();
    private final EndpointImpl endpoint;
    private final String address;
    private final Recorder recorder;

    public SoapSubscriber(int failures) {
        this.address = "http://127.0.0.1:" + FreePorts.next() + "/cem/notify";
        this.recorder = new Recorder(failures);
        this.endpoint = new EndpointImpl(bus, recorder);
        endpoint.setWsdlLocation("static/wsdl/event-notification.wsdl");
        endpoint.getProperties().put("schema-validation-enabled", "true");
        endpoint.publish(address);
    }

    public String address() {
        return address;
    }

    /** eventIds received in successful calls, in order. */
    public List<String> eventIds() {
        return List.copyOf(recorder.eventIds);
    }

    public int calls() {
        return recorder.calls.get();
    }

    @Override
    public void close() {
        endpoint.stop();
        bus.shutdown(true);
    }

    @WebServiceProvider(serviceName = "EventNotificationService", portName = "EventNotificationPort",
            targetNamespace = "urn:cemhub:notification:1")
    @ServiceMode(Service.Mode.PAYLOAD)
    static final class Recorder implements Provider<Source> {
        private final int failures;
        private final AtomicInteger calls = new AtomicInteger();
        private final List<String> eventIds = new CopyOnWriteArrayList<>();

        Recorder(int failures) {
            this.failures = failures;
        }

        @Override
        public Source invoke(Source request) {
            if (calls.incrementAndGet() <= failures) {
                throw new WebServiceException("subscriber temporarily unavailable");
            }
            try {
                DOMResult dom = new DOMResult();
                TransformerFactory.newInstance().newTransformer().transform(request, dom);
                NodeList ids = ((Document) dom.getNode()).getElementsByTagNameNS("urn:cemhub:notification:1", "eventId");
                for (int i = 0; i < ids.getLength(); i++) {
                    eventIds.add(ids.item(i).getTextContent());
                }
                return new StreamSource(new StringReader("<n:notifyResponse xmlns:n=\"urn:cemhub:notification:1\">"
                        + "<n:accepted>" + ids.getLength() + "</n:accepted></n:notifyResponse>"));
            } catch (javax.xml.transform.TransformerException e) {
                throw new WebServiceException(e);
            }
        }
    }
}
