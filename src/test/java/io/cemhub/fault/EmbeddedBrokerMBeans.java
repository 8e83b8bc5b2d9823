package io.cemhub.fault;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.Http;
import io.cemhub.support.TestRecords;

/**
 * Artemis' own management of a hub's embedded broker (broker name {@code cem-hub}), read as an operator
 * would: its MBeans through the hub's Jolokia endpoint ({@code /actuator/jolokia}, admin login).
 */
final class EmbeddedBrokerMBeans {

    private static final String BROKER = "org.apache.activemq.artemis:broker=\"cem-hub\",component=addresses";

    private final Http http;

    EmbeddedBrokerMBeans(Http http) {
        this.http = http;
    }

    /** AddressControl of {@code address}: Paging, NumberOfPages, AddressSize, ... */
    JsonNode address(String address) {
        return read(BROKER + ",address=\"" + address + "\"");
    }

    /** QueueControl of multicast queue {@code queue} on {@code address}: MessageCount, PersistentSize, ... */
    JsonNode multicastQueue(String address, String queue) {
        return read(BROKER + ",address=\"" + address + "\",subcomponent=queues,routing-type=\"multicast\",queue=\""
                + queue + "\"");
    }

    private JsonNode read(String mbean) {
        String request = TestRecords.JSON.createObjectNode().put("type", "read").put("mbean", mbean).toString();
        Http.Response answer = http.post("/actuator/jolokia", request);
        JsonNode json = answer.json();
        if (answer.status() != 200 || json.path("status").asInt() != 200) {
            String known = http.post("/actuator/jolokia", "{\"type\":\"search\",\"mbean\":\"org.apache.activemq.artemis:*\"}")
                    .toString();
            throw new IllegalStateException("Jolokia read of " + mbean + " failed: " + answer + "; known: " + known);
        }
        return json.path("value");
    }
}
