package io.cemhub.support.process;

import io.cemhub.support.FreePorts;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A standalone Apache Artemis, as an operator runs it (docs/external-broker.md): the distribution that
 * {@code -Pfault} unpacks into target/artemis (org.apache.artemis:apache-artemis:tar.gz:bin), an instance
 * made with {@code artemis create} on a free port (no web console, CORE only: the AMQP/MQTT/STOMP default
 * ports belong to other services here), the hub's address settings added to its broker.xml, and
 * {@code artemis run} in a process of its own, so that a test can kill it with SIGKILL and start it again on
 * the same journal.
 */
public final class ArtemisBroker implements AutoCloseable {

    /** Where -Pfault unpacks the distribution; -Dcem.artemis.home points elsewhere. */
    public static final String HOME_PROPERTY = "cem.artemis.home";
    private static final String DEFAULT_HOME = "target/artemis/apache-artemis-2.56.0";
    private static final String LIVE = "AMQ221007"; // "Server is now active"

    private static final String HUB_SETTINGS = """
                  <!-- CEM Hub (docs/external-broker.md) -->
                  <address-setting match="cem.ingest">
                     <default-group-rebalance>true</default-group-rebalance>
                     <default-group-rebalance-pause-dispatch>true</default-group-rebalance-pause-dispatch>
                  </address-setting>
                  <address-setting match="cem.#">
                     <dead-letter-address>cem.dlq</dead-letter-address>
                     <expiry-address>cem.dlq</expiry-address>
                     <max-delivery-attempts>%d</max-delivery-attempts>
                     <redelivery-delay>100</redelivery-delay>
                     <max-size-bytes>%s</max-size-bytes>
                     <address-full-policy>PAGE</address-full-policy>
                     <auto-create-queues>true</auto-create-queues>
                     <auto-create-addresses>true</auto-create-addresses>
                  </address-setting>
            """;

    private final Path home;
    private final Path instance;
    private final int port = FreePorts.next();
    private final String user = "cem";
    private final String password = UUID.randomUUID().toString();
    private final AtomicInteger starts = new AtomicInteger();
    private ChildProcess process;

    private ArtemisBroker(Path home, Path instance) {
        this.home = home;
        this.instance = instance.toAbsolutePath();
    }

    /**
     * Creates an instance under {@code instanceDir} (which must not exist yet). Without the distribution the
     * calling test is skipped, naming the profile that provides it.
     */
    public static ArtemisBroker create(Path instanceDir, int maxDeliveryAttempts, String maxSizeBytes) {
        Path home = Path.of(System.getProperty(HOME_PROPERTY, DEFAULT_HOME)).toAbsolutePath();
        Assumptions.assumeTrue(Files.isRegularFile(home.resolve("bin/artemis")),
                "no Artemis distribution at " + home + ": run with -Pfault (it unpacks one) or set -D" + HOME_PROPERTY);
        ArtemisBroker broker = new ArtemisBroker(home, instanceDir);
        broker.createInstance(maxDeliveryAttempts, maxSizeBytes);
        return broker;
    }

    private void createInstance(int maxDeliveryAttempts, String maxSizeBytes) {
        ChildProcess create = ChildProcess.start("artemis create", List.of("sh", home.resolve("bin/artemis").toString(),
                        "create", instance.toString(), "--silent", "--force", "--user", user, "--password", password,
                        "--require-login", "--host", "127.0.0.1", "--default-port", String.valueOf(port),
                        "--no-web", "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor",
                        "--no-hornetq-acceptor", "--no-autotune", "--nio", "--java-memory", "512M",
                        "--java-options", "-XX:TieredStopAtLevel=1"),
                instance.getParent(), instance.resolveSibling(instance.getFileName() + "-create.log"),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
        int code = create.awaitExit(Duration.ofMinutes(3));
        if (code != 0) {
            throw new IllegalStateException("artemis create failed (" + code + "):\n" + create.logTail(40));
        }
        try {
            Path xml = instance.resolve("etc/broker.xml");
            String config = Files.readString(xml, StandardCharsets.UTF_8);
            String marker = "<address-settings>";
            int at = config.indexOf(marker);
            if (at < 0) {
                throw new IllegalStateException("no <address-settings> in " + xml);
            }
            config = config.substring(0, at + marker.length()) + "\n"
                    + HUB_SETTINGS.formatted(maxDeliveryAttempts, maxSizeBytes) + config.substring(at + marker.length());
            Files.writeString(xml, config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts (or restarts, on the same journal) the broker and waits until it is live. */
    public ArtemisBroker start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the broker already runs");
        }
        process = ChildProcess.start("artemis", List.of("sh", instance.resolve("bin/artemis").toString(), "run"),
                instance, instance.resolveSibling(instance.getFileName() + "-" + starts.incrementAndGet() + ".log"),
                Map.of("JAVA_HOME", System.getProperty("java.home")));
        process.awaitLog(LIVE, Duration.ofMinutes(3));
        return this;
    }

    /** SIGKILL: no clean shutdown, the journal is left as it is. */
    public void kill9() {
        process.kill9();
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public ChildProcess process() {
        return process;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** A JMS client of this broker that reconnects by itself across restarts. */
    public ActiveMQConnectionFactory connectionFactory() {
        return reconnectingFactory(url(), user, password);
    }

    /**
     * A test's JMS client (a subscriber, a probe) that keeps trying while the broker it talks to is killed
     * and started again: unlike the hub's own client, it has nobody to answer in the meantime.
     */
    public static ActiveMQConnectionFactory reconnectingFactory(String url, String user, String password) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url, user, password);
        factory.setReconnectAttempts(-1);
        factory.setRetryInterval(500);
        factory.setRetryIntervalMultiplier(1.5);
        factory.setMaxRetryInterval(5_000);
        return factory;
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }
}
