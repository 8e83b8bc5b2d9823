package io.cemhub.support;

import jakarta.xml.ws.Provider;
import jakarta.xml.ws.Service;
import jakarta.xml.ws.ServiceMode;
import jakarta.xml.ws.WebServiceProvider;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.binding.soap.Soap11;
import org.apache.cxf.binding.soap.SoapFault;
import org.apache.cxf.jaxws.EndpointImpl;
import org.apache.cxf.transport.servlet.CXFNonSpringServlet;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRM's query service for tests: a real CXF JAX-WS endpoint (from adapters/crm/crm-query.wsdl) on a
 * Tomcat of its own on a loopback port. It knows the customers it is given, each findable by its id and by
 * every external id listed in {@link #know}, and records every request it was asked. CreateTroubleTicket
 * opens one ticket per idempotency key (asked again, it answers the same ticket id), or answers a SOAP Fault
 * while {@link #failTickets} is set.
 */
public final class FakeCrm implements AutoCloseable {

    public static final String NS = "urn:cemhub:crm:v1";

    private final int port;
    private final Map<String, String> customersByRef = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<TicketRequest> ticketRequests = new CopyOnWriteArrayList<>();
    private final Map<String, String> ticketsByKey = new ConcurrentHashMap<>();
    private final AtomicInteger ticketNumbers = new AtomicInteger();
    private volatile String ticketFault;
    private Tomcat tomcat;
    private EndpointImpl endpoint;

    public FakeCrm(int port) {
        this.port = port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/services/crm-query";
    }

    /**
     * @param customerXml a {@code <crm:customer>} element (namespace prefix crm bound by the caller or not)
     * @param refs        how it can be asked for: "C-1" (customer id) or "wisla-vpn:TUN-1"
     */
    public FakeCrm know(String customerXml, String... refs) {
        for (String ref : refs) {
            customersByRef.put(ref, customerXml);
        }
        return this;
    }

    /** The refs asked for so far ("C-1" or "system:id"), in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** Every CreateTroubleTicket received (Faults answered included), in order. */
    public List<TicketRequest> ticketRequests() {
        return List.copyOf(ticketRequests);
    }

    /** The CreateTroubleTicket requests received for one alarm. */
    public List<TicketRequest> ticketRequests(String alarmId) {
        return ticketRequests.stream().filter(r -> r.alarmId().equals(alarmId)).toList();
    }

    /** The ticket opened for an idempotency key, if any. */
    public Optional<String> ticketFor(String idempotencyKey) {
        return Optional.ofNullable(ticketsByKey.get(idempotencyKey));
    }

    /** How many tickets were opened in all (one per idempotency key). */
    public int ticketsOpened() {
        return ticketsByKey.size();
    }

    /** From now on CreateTroubleTicket answers a SOAP Fault (Server, detail crm:CrmFault/code); null: opens tickets again. */
    public FakeCrm failTickets(String code) {
        ticketFault = code;
        return this;
    }

    public FakeCrm start() throws Exception {
        Bus previous = BusFactory.getThreadDefaultBus(false);
        Bus bus = BusFactory.newInstance().createBus();
        try {
            tomcat = new Tomcat();
            tomcat.setBaseDir(Files.createTempDirectory("fake-crm").toString());
            tomcat.setHostname("127.0.0.1");
            tomcat.setPort(port);
            tomcat.getConnector().setProperty("address", "127.0.0.1");
            Context context = tomcat.addContext("", Files.createTempDirectory("fake-crm-docs").toString());
            CXFNonSpringServlet servlet = new CXFNonSpringServlet();
            servlet.setBus(bus);
            Wrapper wrapper = Tomcat.addServlet(context, "cxf", servlet);
            wrapper.setLoadOnStartup(1);
            context.addServletMappingDecoded("/services/*", "cxf");
            tomcat.start();
            if (tomcat.getConnector().getLocalPort() != port) {
                throw new IllegalStateException("the fake CRM could not listen on port " + port);
            }
            endpoint = new EndpointImpl(bus, new Answering());
            endpoint.setWsdlLocation(Path.of("adapters/crm/crm-query.wsdl").toUri().toString());
            endpoint.setServiceName(new QName("urn:cemhub:crm:query:v1", "CrmQueryService"));
            endpoint.setEndpointName(new QName("urn:cemhub:crm:query:v1", "CrmQueryPort"));
            endpoint.publish("/crm-query");
            return this;
        } finally {
            BusFactory.setThreadDefaultBus(previous);
        }
    }

    public void stop() throws Exception {
        if (endpoint != null) {
            endpoint.stop();
            endpoint = null;
        }
        if (tomcat != null) {
            tomcat.stop();
            tomcat.destroy();
            tomcat = null;
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** What the hub asked in one CreateTroubleTicket. */
    public record TicketRequest(String idempotencyKey, String customerId, String serviceId, String alarmId,
                                String severity, String description) {
    }

    /** GetCustomer: the customer known under the asked ref, or an empty response. CreateTroubleTicket: see above. */
    @WebServiceProvider(serviceName = "CrmQueryService", portName = "CrmQueryPort",
            targetNamespace = "urn:cemhub:crm:query:v1")
    @ServiceMode(Service.Mode.PAYLOAD)
    public class Answering implements Provider<DOMSource> {

        @Override
        public DOMSource invoke(DOMSource request) {
            Element get = request.getNode() instanceof Document d ? d.getDocumentElement() : (Element) request.getNode();
            if ("CreateTroubleTicket".equals(get.getLocalName())) {
                return createTicket(get);
            }
            Element ref = firstElement(get);
            String key = "externalId".equals(ref.getLocalName())
                    ? ref.getAttribute("system") + ":" + ref.getTextContent().trim() : ref.getTextContent().trim();
            asked.add(key);
            String customer = customersByRef.getOrDefault(key, "");
            return new DOMSource(parse("<crm:GetCustomerResponse xmlns:crm=\"" + NS + "\">" + customer
                    + "</crm:GetCustomerResponse>"));
        }

        private DOMSource createTicket(Element create) {
            TicketRequest ticket = new TicketRequest(text(create, "idempotencyKey"), text(create, "customerId"),
                    text(create, "serviceId"), text(create, "alarmId"), text(create, "severity"),
                    text(create, "description"));
            ticketRequests.add(ticket);
            String fault = ticketFault;
            if (fault != null) {
                throw fault(fault);
            }
            String id = ticketsByKey.computeIfAbsent(ticket.idempotencyKey(),
                    key -> "TT-" + port + "-" + ticketNumbers.incrementAndGet());
            return new DOMSource(parse("<crm:CreateTroubleTicketResponse xmlns:crm=\"" + NS + "\"><crm:ticketId>" + id
                    + "</crm:ticketId><crm:status>acknowledged</crm:status></crm:CreateTroubleTicketResponse>"));
        }

        private SoapFault fault(String code) {
            SoapFault fault = new SoapFault("the CRM refuses the ticket: " + code, Soap11.getInstance().getReceiver());
            Element detail = fault.getOrCreateDetail();
            detail.appendChild(detail.getOwnerDocument().importNode(parse("<crm:CrmFault xmlns:crm=\"" + NS
                    + "\"><crm:code>" + code + "</crm:code><crm:message>test fault</crm:message></crm:CrmFault>")
                    .getDocumentElement(), true));
            return fault;
        }

        private String text(Element parent, String name) {
            for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && name.equals(e.getLocalName())) {
                    return e.getTextContent().trim();
                }
            }
            return null;
        }

        private Element firstElement(Element parent) {
            for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    return e;
                }
            }
            throw new IllegalArgumentException("empty GetCustomer");
        }
    }

    private static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
