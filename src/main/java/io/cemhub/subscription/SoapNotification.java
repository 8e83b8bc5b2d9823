package io.cemhub.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/** The notify request of static/wsdl/event-notification.wsdl for a notification, as XML text. */
final class SoapNotification {

    static final String NS = "urn:cemhub:notification:1";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private SoapNotification() {
    }

    static String request(ObjectMapper mapper, String subscriptionId, Notification n) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter w = XML.createXMLStreamWriter(out);
            w.writeStartElement("n", "notify", NS);
            w.writeNamespace("n", NS);
            element(w, "subscriptionId", subscriptionId);
            if (n.grouped()) {
                element(w, "groupKey", n.groupKey());
            }
            for (QueuedEvent event : n.events()) {
                JsonNode e = mapper.readTree(event.body());
                w.writeStartElement("n", "event", NS);
                element(w, "eventId", e.path("eventId").asText());
                element(w, "eventType", e.path("eventType").asText());
                element(w, "eventTime", e.path("eventTime").asText());
                optional(w, "domain", e.path("domain"));
                optional(w, "correlationId", e.path("correlationId"));
                optional(w, "perceivedSeverity", event.property("perceivedSeverity"));
                optional(w, "customerId", event.property("customerId"));
                optional(w, "serviceId", event.property("serviceId"));
                element(w, "envelope", event.body());
                w.writeEndElement();
            }
            w.writeEndElement();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the notify request", e);
        } catch (IOException e) {
            throw new UncheckedIOException("an event on the subscriber queue is no JSON", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement("n", name, NS);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void optional(XMLStreamWriter w, String name, JsonNode value) throws XMLStreamException {
        if (value.isValueNode() && !value.asText().isEmpty()) {
            element(w, name, value.asText());
        }
    }

    private static void optional(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) {
            element(w, name, value);
        }
    }
}
