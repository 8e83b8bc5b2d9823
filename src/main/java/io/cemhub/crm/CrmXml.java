package io.cemhub.crm;

import io.cemhub.model.Customer;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.RelatedParty;
import io.cemhub.model.Service;
import io.cemhub.model.SourceRef;
import org.apache.cxf.helpers.DOMUtils;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the CRM's XML (crm.xsd, already schema-valid when it gets here) into the canonical model, and
 * writes the few elements the hub sends. External ids land under the systems the other adapters use as
 * {@code source.system}: billing, wisla-vpn, wisla-speedtest, snmp ("device/ifIndex").
 */
public final class CrmXml {

    public static final String NS = "urn:cemhub:crm:v1";
    public static final String BILLING = "billing";
    public static final String VPN = "wisla-vpn";
    public static final String SPEEDTEST = "wisla-speedtest";
    public static final String SNMP = "snmp";
    /** The CRM's own system name: tickets come from it, and customer ids in them are canonical. */
    public static final String CRM = "crm";
    public static final SourceRef SOURCE = new SourceRef(CRM, "crm-soap");

    private CrmXml() {
    }

    public static CrmCustomer customer(Element customer) {
        String id = text(customer, "id");
        List<Service> services = new ArrayList<>();
        List<String> billing = new ArrayList<>(texts(customer, "billingAccount"));
        for (Element s : children(customer, "service")) {
            Service service = service(s, id);
            services.add(service);
            service.externalIds().getOrDefault(BILLING, List.of()).stream().filter(a -> !billing.contains(a))
                    .forEach(billing::add);
        }
        Element contact = child(customer, "contact");
        return new CrmCustomer(
                new Customer(id, text(customer, "name"), text(customer, "segment"), text(customer, "slaTier"),
                        text(customer, "status"), billing.isEmpty() ? Map.of() : Map.of(BILLING, billing)),
                contact == null ? null : new CrmCustomer.Contact(text(contact, "name"), text(contact, "email"),
                        text(contact, "phone")),
                services);
    }

    private static Service service(Element s, String customerId) {
        Map<String, Double> characteristics = new LinkedHashMap<>();
        for (Element c : children(s, "characteristic")) {
            double value = xsDouble(c.getTextContent().trim()); // schema-valid: an xs:double
            if (!Double.isFinite(value)) {
                throw new InvalidValueException("characteristic " + c.getAttribute("name") + " of service " + text(s, "id")
                        + " is " + c.getTextContent().trim() + ": a contracted value must be a finite number");
            }
            characteristics.put(c.getAttribute("name"), value);
        }
        Map<String, List<String>> ids = new LinkedHashMap<>();
        Element external = child(s, "externalIds");
        if (external != null) {
            put(ids, BILLING, texts(external, "billingAccount"));
            put(ids, VPN, texts(external, "vpnTunnel"));
            put(ids, SPEEDTEST, texts(external, "speedtestLine"));
            put(ids, SNMP, children(external, "networkInterface").stream()
                    .map(n -> snmpId(text(n, "device"), text(n, "ifIndex"))).toList());
        }
        return new Service(text(s, "id"), customerId, text(s, "serviceType"), characteristics, ids);
    }

    /** An xs:double: Java's reading, but INF and -INF (xs) are infinities, which Java spells otherwise. */
    private static double xsDouble(String text) {
        return switch (text) {
            case "INF", "+INF" -> Double.POSITIVE_INFINITY;
            case "-INF" -> Double.NEGATIVE_INFINITY;
            default -> {
                try {
                    yield Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new InvalidValueException("the number " + text + " cannot be read");
                }
            }
        };
    }

    /** The registry's external id of a device port: "device/ifIndex" under system snmp. */
    public static String snmpId(String device, String ifIndex) {
        try {
            return device + "/" + Integer.parseInt(ifIndex.trim());
        } catch (NumberFormatException e) {
            // xs:positiveInteger has no upper bound; SNMP's InterfaceIndex does (RFC 2863: 1..2147483647)
            throw new InvalidValueException("ifIndex " + ifIndex.trim() + " of device " + device
                    + " is beyond an SNMP ifIndex (1..2147483647)");
        }
    }

    /**
     * A TroubleTicketCreated/Updated as a canonical interaction. Its id names the ticket and the moment of
     * this state (lastUpdate, else creationDate): the same notification sent twice is the same record.
     */
    public static CustomerInteraction ticket(Element notification, boolean created) {
        Element t = child(notification, "troubleTicket");
        Instant creation = instant(text(t, "creationDate"));
        String last = text(t, "lastUpdate");
        Instant at = created || last == null ? creation : instant(last);
        String id = text(t, "id");
        List<RelatedParty> parties = children(t, "relatedParty").stream()
                .map(p -> new RelatedParty(text(p, "id"), text(p, "role"), text(p, "name"), null)).toList();
        return new CustomerInteraction("crm/ticket/" + id + "/" + (created ? "created" : at.toString()),
                CustomerInteraction.TROUBLE_TICKET, SOURCE, text(t, "customerId"), text(t, "serviceId"), at, null,
                new CustomerInteraction.TroubleTicket(id, text(t, "ticketType"), text(t, "severity"), text(t, "status"),
                        text(t, "channel"), creation, parties.isEmpty() ? null : parties),
                null, null);
    }

    public static Element ack(String detail) {
        Document doc = DOMUtils.getEmptyDocument();
        Element ack = doc.createElementNS(NS, "crm:Ack");
        ack.appendChild(element(doc, "accepted", "true"));
        if (detail != null) {
            ack.appendChild(element(doc, "detail", detail));
        }
        return ack;
    }

    /** GetCustomer by an external id, or by the CRM's customer id when {@code system} is null. */
    public static Element getCustomer(String system, String id) {
        Document doc = DOMUtils.getEmptyDocument();
        Element request = doc.createElementNS(NS, "crm:GetCustomer");
        Element ref = element(doc, system == null ? "customerId" : "externalId", id);
        if (system != null) {
            ref.setAttribute("system", system);
        }
        request.appendChild(ref);
        return request;
    }

    /** CreateTroubleTicket (crm.xsd): the elements in the schema's order, optional ones only when set. */
    public static Element createTroubleTicket(NewTroubleTicket t) {
        Document doc = DOMUtils.getEmptyDocument();
        Element request = doc.createElementNS(NS, "crm:CreateTroubleTicket");
        optional(doc, request, "idempotencyKey", t.idempotencyKey());
        optional(doc, request, "customerId", t.customerId());
        optional(doc, request, "serviceId", t.serviceId());
        optional(doc, request, "alarmId", t.alarmId());
        optional(doc, request, "severity", t.severity());
        optional(doc, request, "name", t.name());
        optional(doc, request, "description", t.description());
        optional(doc, request, "ticketType", t.ticketType());
        optional(doc, request, "alarmRaisedTime", t.alarmRaisedTime() == null ? null : t.alarmRaisedTime().toString());
        return request;
    }

    private static void optional(Document doc, Element parent, String name, String text) {
        if (text != null) {
            parent.appendChild(element(doc, name, text));
        }
    }

    /**
     * An xs:dateTime as an instant. The schema lets a time without a zone through (and years beyond 9999): the
     * hub cannot place such a time, so the request is refused as the caller's fault.
     */
    public static Instant instant(String xsDateTime) {
        try {
            return OffsetDateTime.parse(xsDateTime.trim()).toInstant();
        } catch (java.time.DateTimeException e) {
            throw new InvalidValueException("the time " + xsDateTime.trim() + " cannot be placed: an xs:dateTime with "
                    + "a time zone (Z or +hh:mm) and a four-digit year is required");
        }
    }

    /** A schema-valid value the hub cannot take: the CRM's fault (SOAP Client, code invalid-value). */
    public static class InvalidValueException extends RuntimeException {
        public InvalidValueException(String message) {
            super(message);
        }
    }

    public static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    public static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    public static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().trim();
    }

    private static List<String> texts(Element parent, String name) {
        return children(parent, name).stream().map(e -> e.getTextContent().trim()).toList();
    }

    private static void put(Map<String, List<String>> ids, String system, List<String> values) {
        if (!values.isEmpty()) {
            ids.put(system, values);
        }
    }

    private static Element element(Document doc, String name, String text) {
        Element e = doc.createElementNS(NS, "crm:" + name);
        e.setTextContent(text);
        return e;
    }
}
