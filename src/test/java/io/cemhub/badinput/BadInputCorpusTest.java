package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.snmp.TrapMetrics;
import io.cemhub.snmp.TrapReceiver;
import io.cemhub.support.EventCollector;
import io.cemhub.support.Http;
import io.cemhub.support.HubTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The bad-input corpus (docs/bad-input.md): every case of src/test/resources/bad-input/<transport>/cases.yaml
 * sent to one running hub, each checked for its clear refusal (problem+json, SOAP Fault, quarantine entry
 * with the original payload, or a datagram dropped and counted by reason). Between the cases, good records keep coming
 * (a canary every few cases); at the end every canary must have come out on cem.events and the hub must
 * still be live and ready. A case whose finding is not fixed yet carries {@code skip: <reason>} and is
 * reported as skipped.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        // a hub of its own: traps of this community pass the check, so that bad ones get as far as the mapping
        "cem.snmp.traps.communities[0]=" + BadInputCorpusTest.COMMUNITY,
        // and a USM user, so that v3 messages of a known user are judged on their security level and digest
        "cem.snmp.traps.users[0].name=cem-bad-input",
        "cem.snmp.traps.users[0].auth-protocol=SHA-256",
        "cem.snmp.traps.users[0].auth-passphrase=bad-input-auth-1",
        "cem.snmp.traps.users[0].priv-protocol=AES-128",
        "cem.snmp.traps.users[0].priv-passphrase=bad-input-priv-1",
        // a smaller batch limit, so that a batch over it is no message of megabytes (see jms/cases.yaml)
        "cem.ingest.max-batch=1000",
        // the inboxes are scanned often, so that a file case waits less
        "cem.adapters.billing.poll-delay=200",
        "cem.adapters.wisla-speedtest.poll-delay=200"})
class BadInputCorpusTest extends HubTestSupport {

    static final Duration WAIT = Duration.ofSeconds(60);
    static final String COMMUNITY = "cem-bad-input";
    static final int CANARY_EVERY = 10;

    @Autowired
    ConnectionFactory connectionFactory;
    @Autowired
    Environment environment;
    @Autowired
    MeterRegistry meters;
    @Autowired
    TrapReceiver trapReceiver;
    @Autowired
    TrapMetrics trapMetrics;

    // one hub and one run for all the cases: the test instance is made anew per test method, so state is static
    static final String run = UUID.randomUUID().toString().substring(0, 8);
    static final List<String> canaries = new CopyOnWriteArrayList<>();
    static EventCollector events;
    static int sent;

    @AfterAll
    static void unsubscribe() {
        if (events != null) {
            events.unsubscribe();
        }
    }

    /**
     * First, a plain test: the hub is ready before the corpus (and Camel's test listener starts the Camel
     * context before a test method, which it does not do for the dynamic tests of a factory).
     */
    @Test
    @Order(0)
    void beforeTheCorpusTheHubIsReady() {
        events = new EventCollector(connectionFactory, "bad-input-" + run);
        await().atMost(WAIT).untilAsserted(() -> assertThat(http().get("/actuator/health/readiness").json()
                .path("status").asText()).isEqualTo("UP"));
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> rest() {
        if (!selected("rest")) {
            return Stream.empty();
        }
        Corpus corpus = Corpus.load("rest");
        RestCases rest = new RestCases(port, new QuarantineProbe(connectionFactory));
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : corpus.cases()) {
            for (String entry : RestCases.entriesOf(c)) {
                tests.add(test(c, entry, marker -> rest.run(corpus, c, entry, marker)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    @Order(2)
    Stream<DynamicTest> jms() {
        if (!selected("jms")) {
            return Stream.empty();
        }
        Corpus corpus = Corpus.load("jms");
        JmsCases jms = new JmsCases(connectionFactory, new QuarantineProbe(connectionFactory), events);
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : corpus.cases()) {
            for (String queue : JmsCases.queuesOf(c)) {
                tests.add(test(c, queue, marker -> jms.run(corpus, c, queue, marker)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    @Order(3)
    Stream<DynamicTest> files() {
        if (!selected("files")) {
            return Stream.empty();
        }
        Corpus corpus = Corpus.load("files");
        FileCases files = new FileCases(environment, new QuarantineProbe(connectionFactory), events);
        List<DynamicTest> tests = new ArrayList<>();
        for (Corpus.Case c : corpus.cases()) {
            String inbox = FileCases.inboxOf(c);
            tests.add(test(c, inbox, marker -> files.run(corpus, c, inbox, marker)));
        }
        return tests.stream();
    }

    @TestFactory
    @Order(4)
    Stream<DynamicTest> soap() {
        if (!selected("soap")) {
            return Stream.empty();
        }
        Corpus corpus = Corpus.load("soap");
        SoapCases soap = new SoapCases(port, meters, events);
        return corpus.cases().stream().map(c -> test(c, null, marker -> soap.run(corpus, c, marker)));
    }

    @TestFactory
    @Order(5)
    Stream<DynamicTest> snmp() {
        if (!selected("snmp")) {
            return Stream.empty();
        }
        Corpus corpus = Corpus.load("snmp");
        SnmpCases snmp = new SnmpCases(trapReceiver.port(), trapMetrics, new QuarantineProbe(connectionFactory), events);
        List<DynamicTest> tests = new ArrayList<>();
        corpus.cases().forEach(c -> tests.add(test(c, null, marker -> snmp.run(corpus, c, marker))));
        tests.add(DynamicTest.dynamicTest("snmp: every datagram ended decoded or dropped, every trap canary arrived", () -> {
            // received = decoded + dropped (every reason but not-durable, which befalls decoded ones), over the whole run
            await().atMost(WAIT).untilAsserted(() -> {
                SnmpCases.Counts counts = SnmpCases.Counts.of(trapMetrics);
                assertThat(counts.ended()).as(counts.toString()).isEqualTo(counts.received());
            });
            assertThat(trapMetrics.count("received")).isGreaterThan(0);
            await().atMost(WAIT).untilAsserted(() -> assertThat(snmp.canaries())
                    .allMatch(marker -> snmp.recordsWith(marker).size() == 1));
        }));
        return tests.stream();
    }

    @Test
    @Order(100)
    void afterTheCorpusEveryCanaryArrivedAndTheHubIsLiveAndReady() {
        assertThat(canaries).isNotEmpty();
        await().atMost(WAIT).untilAsserted(() -> assertThat(canaries)
                .allMatch(id -> !events.about(id).isEmpty()));
        Http staff = http();
        assertThat(staff.get("/actuator/health/liveness").json().path("status").asText()).isEqualTo("UP");
        assertThat(staff.get("/actuator/health/readiness").json().path("status").asText()).isEqualTo("UP");
        JsonNode health = staff.get("/actuator/health").json();
        for (String component : List.of("broker", "db", "camelHealth")) {
            if (health.path("components").has(component)) {
                assertThat(health.path("components").path(component).path("status").asText())
                        .as(component + " in " + health).isEqualTo("UP");
            }
        }
        // adapters may be DEGRADED: that is the health's own signal that they received bad input
        assertThat(health.path("status").asText()).as(health.toString()).isIn("UP", "DEGRADED");
    }

    /**
     * {@code -Dbad-input.transports=jms,files} runs those transports' corpora only, {@code -Dbad-input.cases=<regex>}
     * the cases whose name ({@code transport/case@entry}) matches (while working on them).
     */
    static boolean selected(String transport) {
        String only = System.getProperty("bad-input.transports", "");
        return only.isBlank() || List.of(only.split(",")).contains(transport);
    }

    interface CaseBody {
        void run(String marker) throws Exception;
    }

    private DynamicTest test(Corpus.Case c, String entry, CaseBody body) {
        String name = c + (entry == null ? "" : "@" + entry);
        Executable executable = () -> {
            if (c.skipped() != null) {
                abort("open finding: " + c.skipped());
            }
            if (!System.getProperty("bad-input.cases", "").isBlank() && !name.matches(System.getProperty("bad-input.cases"))) {
                abort("not selected by -Dbad-input.cases");
            }
            canaryNowAndThen();
            try {
                body.run("bad-" + run + "-" + c.name() + (entry == null ? "" : "-" + entry));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(name + ": " + e.getMessage(), e); // the surefire report names tests by index
            }
        };
        return DynamicTest.dynamicTest(name, executable);
    }

    /** Every few cases a good record through the native REST entry; each must reach cem.events. */
    private void canaryNowAndThen() {
        if (sent++ % CANARY_EVERY != 0) {
            return;
        }
        String id = "canary-" + run + "-" + canaries.size();
        Http.Response answer = http().as("source").post("/api/v1/measurements", "{\"id\":\"" + id
                + "\",\"serviceId\":\"CANARY-" + run + "\",\"metric\":\"vpn.rtt.avg\",\"value\":" + sent
                + ",\"observedAt\":\"" + java.time.Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "\"}");
        assertThat(answer.status()).as("canary " + answer).isEqualTo(202);
        canaries.add(id);
    }
}
