package io.cemhub.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** How a subscriber receives its events. */
public enum Channel {
    /** The subscriber consumes its own durable queue (fully qualified: cem.events::cem.sub.{id}). */
    JMS,
    /** The hub POSTs each event (TMF688 envelope) to the callback URL, signed with HMAC-SHA256. */
    WEBHOOK,
    /** The hub calls the notify operation of the EventNotification WSDL at the callback URL. */
    SOAP;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel of(String name) {
        for (Channel c : values()) {
            if (c.wire().equalsIgnoreCase(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("channel must be jms, webhook or soap, not '" + name + "'");
    }

    /** Whether the hub itself delivers (and so runs a delivery route). */
    public boolean pushed() {
        return this != JMS;
    }
}
