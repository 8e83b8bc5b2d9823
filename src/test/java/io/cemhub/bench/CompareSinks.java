package io.cemhub.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sinks every contestant of bench/compare.sh delivers to, in a process of their own so that their CPU
 * is nobody's: an HTTP webhook counter ({@code POST /webhook} counts one notification, {@code GET /count}
 * answers the count, {@code POST /reset} sets it to 0) and, for the contestants without a broker of their
 * own (Node-RED, the minimal Camel route), an Artemis broker (CORE and MQTT, in memory, no security) whose
 * address {@code cem.bench.alarms} (MQTT topic {@code cem/bench/alarms}) they publish transitions to. The
 * hub publishes to its own embedded broker's {@code cem.events}, as it does in production.
 *
 * <pre>java -cp ... io.cemhub.bench.CompareSinks [webhookPort=18083] [brokerPort=18091]</pre>
 */
public final class CompareSinks {

    private CompareSinks() {
    }

    public static void main(String[] args) throws Exception {
        int webhookPort = args.length > 0 ? Integer.parseInt(args[0]) : 18083;
        int brokerPort = args.length > 1 ? Integer.parseInt(args[1]) : 18091;

        ConfigurationImpl config = new ConfigurationImpl();
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJournalDirectory("/tmp/cem-compare-sink-journal");
        config.addAcceptorConfiguration("bench", "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE,MQTT");
        EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
        broker.setConfiguration(config);
        broker.start();

        AtomicLong count = new AtomicLong();
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", webhookPort), 256);
        http.setExecutor(Executors.newFixedThreadPool(4));
        http.createContext("/webhook", ex -> {
            drain(ex.getRequestBody());
            count.incrementAndGet();
            answer(ex, 204, "");
        });
        http.createContext("/count", ex -> {
            drain(ex.getRequestBody());
            answer(ex, 200, Long.toString(count.get()));
        });
        http.createContext("/reset", ex -> {
            drain(ex.getRequestBody());
            count.set(0);
            answer(ex, 200, "0");
        });
        http.start();
        System.out.println("sinks ready: webhook counter http://127.0.0.1:" + webhookPort + "/webhook, broker tcp://127.0.0.1:"
                + brokerPort + " (CORE, MQTT)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            http.stop(0);
            try {
                broker.stop();
            } catch (Exception e) {
                System.err.println("sink broker stop: " + e);
            }
        }));
        Thread.currentThread().join();
    }

    private static void drain(InputStream in) throws IOException {
        in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    private static void answer(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }
}
