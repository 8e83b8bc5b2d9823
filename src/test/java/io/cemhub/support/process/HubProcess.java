package io.cemhub.support.process;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.FreePorts;
import io.cemhub.support.Http;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hub in a JVM of its own, so that a fault test can kill it for real and start it again on the same data
 * directory and ports. By default it runs {@code io.cemhub.CemHubApplication} from the test classpath with
 * the {@code test} profile (its accounts: {@link Http}); with {@code -Dcem.fault.hub-jar=target/...jar} it
 * runs the packaged jar instead, with the test profile's file added. The working directory is the project
 * root, so ./config is read as in production.
 *
 * <pre>
 * HubProcess hub = HubProcess.builder(dataDir).heap("256m").arg("--cem.pipeline.consumers=2").build();
 * hub.start();              // waits for "CEM Hub ready"
 * hub.kill9(); hub.start(); // same ports, same journal and database
 * </pre>
 */
public final class HubProcess implements AutoCloseable {

    private static final String READY = "CEM Hub ready";
    private static final String TEST_PROFILE_FILE = "optional:file:src/test/resources/application-test.yaml";

    private final String name;
    private final Path dataDir;
    private final int httpPort;
    private final int brokerPort;
    private final String heap;
    private final List<String> profiles;
    private final String externalBrokerUrl;
    private final String brokerUser;
    private final String brokerPassword;
    private final Map<String, String> args;
    private final AtomicInteger starts = new AtomicInteger();
    private ChildProcess process;

    private HubProcess(Builder b) {
        this.name = b.name;
        this.dataDir = b.dataDir.toAbsolutePath();
        this.httpPort = FreePorts.next();
        this.brokerPort = FreePorts.next();
        this.heap = b.heap;
        this.profiles = List.copyOf(b.profiles);
        this.externalBrokerUrl = b.externalBrokerUrl;
        this.brokerUser = b.externalBrokerUrl == null ? Http.ADMIN : b.args.get("cem.broker.user");
        this.brokerPassword = b.externalBrokerUrl == null ? Http.ADMIN + "-pw" : b.args.get("cem.broker.password");
        this.args = new LinkedHashMap<>(b.args);
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Starts the hub and waits (up to 10 minutes: two cores shared by many) until it says it is ready. */
    public HubProcess start() {
        return start(Duration.ofMinutes(10));
    }

    public HubProcess start(Duration atMost) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " already runs");
        }
        int n = starts.incrementAndGet();
        process = ChildProcess.start(name, command(), Path.of("").toAbsolutePath(),
                dataDir.resolveSibling(dataDir.getFileName() + "-" + name + "-" + n + ".log"), Map.of());
        process.awaitLog(READY, atMost);
        return this;
    }

    List<String> command() {
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaBinary(), "-Xmx" + heap,
                // Two cores are shared by everyone: one GC thread, the quick compiler only (C2 would spend
                // minutes of CPU at each of the many starts of a fault run).
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Djava.awt.headless=true",
                // A hub out of memory must not limp on: it ends, and the test sees it.
                "-XX:+ExitOnOutOfMemoryError",
                "-Dfile.encoding=UTF-8"));
        String jar = System.getProperty("cem.fault.hub-jar", "");
        if (jar.isBlank()) {
            command.addAll(List.of("-cp", testClasspath(), "io.cemhub.CemHubApplication"));
        } else {
            command.addAll(List.of("-jar", jar, "--spring.config.additional-location=" + TEST_PROFILE_FILE));
        }
        command.add("--spring.profiles.active=" + String.join(",", profiles));
        command.addAll(hubArgs());
        return command;
    }

    private List<String> hubArgs() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("cem.data-dir", dataDir.toString());
        all.put("server.port", String.valueOf(httpPort));
        all.put("cem.broker.acceptor", "tcp://127.0.0.1:" + brokerPort + "?protocols=CORE");
        all.put("cem.snmp.traps.port", "0");
        // A shutdown must finish well within the fault tests' patience, also with work in flight.
        all.put("spring.lifecycle.timeout-per-shutdown-phase", "30s");
        if (externalBrokerUrl != null) {
            all.put("cem.broker.url", externalBrokerUrl);
        }
        all.putAll(args);
        return all.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toList();
    }

    /** The classpath surefire gives the tests (its manifest-only jar hides it from java.class.path). */
    static String testClasspath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire.replace(' ', File.pathSeparatorChar).trim()
                : System.getProperty("java.class.path");
    }

    /**
     * A full collection in the hub (jcmd GC.run), then what its heap pools held right after it (each pool's
     * CollectionUsage, read through the hub's Jolokia): what the hub really keeps, neither garbage nor what
     * was allocated since the collection.
     */
    public long liveHeapBytes() {
        ChildProcess jcmd = ChildProcess.start("jcmd", List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd")
                .toString(), String.valueOf(pid()), "GC.run"), Path.of("").toAbsolutePath(),
                dataDir.resolveSibling(dataDir.getFileName() + "-jcmd.log"), Map.of());
        if (jcmd.awaitExit(Duration.ofMinutes(2)) != 0) {
            throw new IllegalStateException("jcmd GC.run failed:\n" + jcmd.logTail(10));
        }
        String read = "{\"type\":\"read\",\"mbean\":\"java.lang:type=MemoryPool,name=*\",\"attribute\":[\"Type\",\"CollectionUsage\"]}";
        Http.Response answer = http().post("/actuator/jolokia", read);
        long used = 0;
        for (JsonNode pool : answer.json().path("value")) {
            if ("HEAP".equals(pool.path("Type").asText())) {
                used += pool.path("CollectionUsage").path("used").asLong();
            }
        }
        if (used == 0) {
            throw new IllegalStateException("no heap pool's usage after collection in " + answer);
        }
        return used;
    }

    public void kill9() {
        process.kill9();
    }

    /** SIGTERM and wait for a graceful end (at most {@code atMost}); returns the exit code. */
    public int terminate(Duration atMost) {
        return process.terminate(atMost);
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public ChildProcess process() {
        return process;
    }

    public long pid() {
        return process.pid();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    /** The REST API as the test admin. */
    public Http http() {
        return new Http(baseUrl());
    }

    /** The embedded broker's TCP acceptor (unused with an external broker). */
    public String brokerUrl() {
        return externalBrokerUrl != null ? externalBrokerUrl : "tcp://127.0.0.1:" + brokerPort;
    }

    /**
     * A JMS connection factory to the broker this hub uses, logged in as the test admin (the hub's own user
     * on an external broker); it reconnects by itself while the hub or the broker restarts.
     */
    public ActiveMQConnectionFactory connectionFactory() {
        return ArtemisBroker.reconnectingFactory(brokerUrl(), brokerUser, brokerPassword);
    }

    @Override
    public void close() {
        if (process != null) {
            process.close();
        }
    }

    @Override
    public String toString() {
        return name + (process == null ? "" : " " + process);
    }

    /** How to start a hub process. */
    public static final class Builder {
        private final Path dataDir;
        private String name = "hub";
        private String heap = "512m";
        private final List<String> profiles = new ArrayList<>(List.of("test"));
        private String externalBrokerUrl;
        private final Map<String, String> args = new LinkedHashMap<>();

        private Builder(Path dataDir) {
            this.dataDir = dataDir;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** -Xmx, e.g. "256m". */
        public Builder heap(String heap) {
            this.heap = heap;
            return this;
        }

        /** Further profiles besides {@code test} (e.g. "postgres"). */
        public Builder profile(String profile) {
            profiles.add(profile);
            return this;
        }

        /** Profile {@code external-broker} against {@code url}, logging in as {@code user}. */
        public Builder externalBroker(String url, String user, String password) {
            this.externalBrokerUrl = url;
            profiles.add("external-broker");
            args.put("cem.broker.user", user);
            args.put("cem.broker.password", password);
            return this;
        }

        /** A setting, "--key=value" or "key=value"; it replaces a default of the same key. */
        public Builder arg(String keyValue) {
            String kv = keyValue.startsWith("--") ? keyValue.substring(2) : keyValue;
            int eq = kv.indexOf('=');
            args.put(kv.substring(0, eq), kv.substring(eq + 1));
            return this;
        }

        public HubProcess build() {
            return new HubProcess(this);
        }
    }
}
