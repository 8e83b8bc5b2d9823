package io.cemhub.adapter;

import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Header hygiene at the adapter entry: no header named Camel*, in any case, survives it. */
class AdapterEntryTest {

    @Test
    void camelHeadersInAnyCaseAreRemovedAndOtherHeadersAndThePayloadKept() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            exchange.getMessage().setHeader("cAmElJmsDestinationName", "cem.events");
            exchange.getMessage().setHeader("CAMELBEANMETHODNAME", "toString");
            exchange.getMessage().setHeader("CamelHttpResponseCode", 500);
            exchange.getMessage().setHeader("camelFileName", "../../etc/passwd");
            exchange.getMessage().setHeader("X-Request-Id", "r-1");
            exchange.getMessage().setHeader("cameo", "not a Camel header");
            exchange.getMessage().setBody("{\"a\":1}");

            new AdapterEntry().process(exchange);

            assertThat(exchange.getMessage().getHeaders().keySet()).containsExactlyInAnyOrder("X-Request-Id", "cameo");
            assertThat(exchange.getProperty(AdapterExchange.PAYLOAD, byte[].class))
                    .isEqualTo("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(exchange.getProperty(AdapterExchange.JMS_SESSION)).isNull();
        }
    }
}
