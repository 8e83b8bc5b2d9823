package io.cemhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.springframework.jms.connection.CachingConnectionFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The overhead bound of bench/compare.sh: a hand-written Camel route doing the contestants' work and nothing
 * else. Undertow takes the POSTed batch, one processor applies the hysteresis rule (raise at >= 80, clear at
 * <= 70) with the series state in a map, each transition goes through a SEDA queue to the sink broker's topic
 * (JMS, cached connection) and to the webhook counter (camel-http), and the caller hears 202. No validation,
 * no durability, no identity, no restart safety: what the hub adds on top is the difference.
 *
 * <pre>java -cp ... io.cemhub.bench.MinimalCamelRoute [httpPort=18080] [broker=tcp://127.0.0.1:18091] [webhook=http://127.0.0.1:18083/webhook]</pre>
 */
public final class MinimalCamelRoute extends RouteBuilder {

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Boolean> raised = new ConcurrentHashMap<>();
    private final int port;
    private final String webhook;

    MinimalCamelRoute(int port, String webhook) {
        this.port = port;
        this.webhook = webhook;
    }

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        String broker = args.length > 1 ? args[1] : "tcp://127.0.0.1:18091";
        String webhook = args.length > 2 ? args[2] : "http://127.0.0.1:18083/webhook";
        CamelContext camel = new DefaultCamelContext();
        CachingConnectionFactory cached = new CachingConnectionFactory(new ActiveMQConnectionFactory(broker));
        cached.setSessionCacheSize(8);
        camel.addComponent("jms", JmsComponent.jmsComponent(cached));
        camel.addRoutes(new MinimalCamelRoute(port, webhook));
        camel.start();
        System.out.println("minimal route ready on http://127.0.0.1:" + port + "/api/v1/measurements");
        Runtime.getRuntime().addShutdownHook(new Thread(camel::stop));
        Thread.currentThread().join();
    }

    @Override
    public void configure() {
        from("undertow:http://127.0.0.1:" + port + "/api/v1/measurements?httpMethodRestrict=POST").routeId("bench-in")
                .process(this::evaluate)
                .split(body()).to("seda:transitions?waitForTaskToComplete=Never&blockWhenFull=true").end()
                .removeHeaders("*")
                .setHeader(Exchange.HTTP_RESPONSE_CODE, constant(202))
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .setBody(constant("{\"accepted\":true}"));

        from("seda:transitions?concurrentConsumers=4&size=200000").routeId("bench-out")
                .removeHeaders("*")
                .setHeader(Exchange.CONTENT_TYPE, constant("application/json"))
                .to(ExchangePattern.InOnly, "jms:topic:cem.bench.alarms")
                .setHeader(Exchange.HTTP_METHOD, constant("POST"))
                .to(webhook + "?throwExceptionOnFailure=true");
    }

    /** The rule: body = the batch, out = the transitions as JSON strings (maybe none). */
    private void evaluate(Exchange exchange) throws Exception {
        JsonNode batch = json.readTree(exchange.getIn().getBody(byte[].class));
        List<String> transitions = new ArrayList<>();
        for (JsonNode m : batch) {
            String key = m.path("serviceId").asText() + '|' + m.path("metric").asText();
            double v = m.path("value").asDouble();
            boolean up = raised.getOrDefault(key, false);
            if (!up && v >= CompareCorpus.RAISE) {
                raised.put(key, true);
                transitions.add(transition("raise", m));
            } else if (up && v <= CompareCorpus.CLEAR) {
                raised.put(key, false);
                transitions.add(transition("clear", m));
            }
        }
        exchange.getIn().setBody(transitions);
    }

    private String transition(String kind, JsonNode m) throws Exception {
        return json.writeValueAsString(Map.of("transition", kind, "serviceId", m.path("serviceId").asText(),
                "metric", m.path("metric").asText(), "value", m.path("value").asDouble(), "measurementId", m.path("id").asText()));
    }
}
