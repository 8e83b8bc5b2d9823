package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.BrokerProbe;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Asterisk CDR files dropped in the billing inbox: each good line becomes a usage interaction, the file's
 * accepted lines become voice.* KPIs per account and 15-minute interval, bad lines are quarantined alone
 * with their line numbers, the file moves to done/, and the same content dropped again counts once.
 */
class BillingCdrInboxTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final DateTimeFormatter ASTERISK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @Autowired
    AdapterMetrics metrics;
    @Autowired
    RegistryService registry;

    @Value("${cem.adapters.billing.inbox}")
    Path inbox;

    /** Yesterday, on the hour: the hub refuses times ahead of its clock. */
    final Instant hour = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);

    @Test
    void goodLinesFlowBadLinesAreQuarantinedWithTheirNumbersAndTheSameFileCountsOnce() throws Exception {
        String account = "ACC-T-" + run;
        String csv = cdr(account, "u1-" + run, 65, "ANSWERED", 120)     // 1: interval :00
                + cdr(account, "u2-" + run, 300, "NO ANSWER", 0)       // 2: interval :00
                + cdr(account, "u3-" + run, 600, "ANSWERED", 60)       // 3: interval :00
                + cdr(account, "u4-" + run, 960, "BUSY", 0)            // 4: interval :15
                + cdr(account, "u5-" + run, 700, "ANSWERED", 0).replace(",0,\"ANSWERED\"", ",\"lots\",\"ANSWERED\"")
                + "\"" + account + "\",\"1001\",\"short-" + run + "\"\n";  // 6: 3 fields
        BrokerProbe broker = new BrokerProbe(connectionFactory);
        registry.putCustomer(new Customer("C-" + run, "CDR test", "business", "silver", "active",
                Map.of("billing", List.of(account))));
        registry.putService(new Service("VOICE-" + run, "C-" + run, "voice", Map.of(), Map.of("billing", List.of(account))));

        drop("Master-" + run + ".csv", csv);

        await().atMost(WAIT).until(() -> !events.about("billing/cdr/u4-" + run).isEmpty());
        JsonNode usage = events.about("billing/cdr/u1-" + run).get(0).path("event").path("interaction");
        assertThat(usage.path("interactionType").asText()).isEqualTo("usage");
        assertThat(usage.path("usage").path("clid").asText()).isEqualTo("\"Smith, Bob\" <1001>");
        assertThat(usage.path("usage").path("billsec").asInt()).isEqualTo(120);
        String first = ASTERISK.format(hour).replace(' ', 'T') + "Z";
        await().atMost(WAIT).until(() -> kpis(account).size() == 5);
        assertThat(kpi(account, first, "voice.calls")).isEqualTo(3.0);
        assertThat(kpi(account, first, "voice.call.success.ratio")).isEqualTo(2.0 / 3);
        assertThat(kpi(account, first, "voice.billsec.avg")).isEqualTo(90.0);
        JsonNode context = kpis(account).get(0).path("event").path("context");
        assertThat(context.path("customerId").asText()).as("the account names the voice service").isEqualTo("C-" + run);
        assertThat(context.path("serviceType").asText()).isEqualTo("voice");
        assertThat(events.about("billing/cdr/u1-" + run).get(0).path("event").path("context").path("customerId").asText())
                .as("and the customer").isEqualTo("C-" + run);
        String second = ASTERISK.format(hour.plusSeconds(900)).replace(' ', 'T') + "Z";
        assertThat(kpi(account, second, "voice.call.success.ratio")).isEqualTo(0.0);
        assertThat(events.about("billing/cdr/u5-" + run)).as("a bad line is not counted anywhere").isEmpty();
        await().atMost(WAIT).until(() -> doneFiles().anyMatch(f -> f.contains("Master-" + run)));
        assertThat(Files.exists(inbox.resolve("Master-" + run + ".csv"))).isFalse();

        BrokerProbe.Entry badNumber = broker.browse("cem.quarantine", "u5-" + run).get(0);
        assertThat(badNumber.properties().get("cemOrigin")).endsWith("#line=5");
        assertThat(badNumber.properties().get("cemReason")).contains("line 5").contains("billing.csv.jsonata");
        assertThat(badNumber.properties().get("cemCsvColumns")).startsWith("accountcode,src,dst,");
        assertThat(badNumber.properties()).containsEntry("cemParam_intervalMinutes", "15");
        assertThat(badNumber.body()).as("the line alone, as it was").isEqualTo(csv.lines().toList().get(4) + "\n");
        BrokerProbe.Entry shortLine = broker.browse("cem.quarantine", "short-" + run).get(0);
        assertThat(shortLine.properties().get("cemReason")).contains("line 6").contains("3 fields");

        long received = metrics.snapshot("billing").received();
        drop("Master-again-" + run + ".csv", csv);
        await().atMost(WAIT).until(() -> doneFiles().anyMatch(f -> f.contains("Master-again-" + run)));
        assertThat(metrics.snapshot("billing").received()).isEqualTo(received);
        assertThat(broker.browse("cem.quarantine", "u5-" + run)).hasSize(1);
        assertThat(kpis(account)).as("the KPIs of the file, once").hasSize(5);
    }

    @Test
    void kpiIdsAreNamedByTheFilesContentAndAQuarantinedLineIsReplayedWithTheAdaptersColumns() throws Exception {
        String account = "ACC-R-" + run;
        String good = cdr(account, "r1-" + run, 30, "ANSWERED", 45);
        String bad = cdr(account, "r2-" + run, 40, "ANSWERED", 0).replace(",0,\"ANSWERED\"", ",\"x\",\"ANSWERED\"");
        drop("one-" + run + ".csv", good + bad);
        await().atMost(WAIT).until(() -> kpis(account).size() == 3);
        String batch = new ContentHash().of((good + bad).getBytes(StandardCharsets.UTF_8)).substring(0, 16);
        assertThat(kpis(account)).allSatisfy(e -> assertThat(e.path("correlationId").asText()).endsWith("/" + batch));

        Http http = http();
        await().atMost(WAIT).until(() -> entryWith(http, "r2-" + run) != null);
        JsonNode entry = entryWith(http, "r2-" + run);
        Http.Response replay = http.post("/api/v1/quarantine/replay", "{\"ids\":[\"" + entry.path("id").asText() + "\"]}");

        assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
        JsonNode result = replay.json().path("results").get(0);
        assertThat(result.path("status").asText()).isEqualTo("failed");
        assertThat(result.path("reason").asText()).as("read with the columns, so the line reaches the mapping")
                .contains("line 1").contains("billing.csv.jsonata");
    }

    private static JsonNode entryWith(Http http, String marker) {
        for (JsonNode e : http.get("/api/v1/quarantine?adapter=billing&limit=1000").json()) {
            if (e.path("payload").asText().contains(marker)) {
                return e;
            }
        }
        return null;
    }

    private double kpi(String account, String intervalStart, String metric) {
        return kpis(account).stream()
                .filter(e -> e.path("correlationId").asText().startsWith("billing/" + account + "/" + intervalStart + "/15m/" + metric + "/"))
                .findFirst().orElseThrow().path("event").path("measurement").path("value").asDouble();
    }

    private java.util.List<JsonNode> kpis(String account) {
        return events.events(e -> e.path("correlationId").asText().startsWith("billing/" + account + "/"));
    }

    /** One CDR line as Asterisk's cdr_csv writes it, {@code secondsIn} after the hour. */
    private String cdr(String account, String uniqueId, int secondsIn, String disposition, int billsec) {
        Instant start = hour.plusSeconds(secondsIn);
        String answer = billsec > 0 ? ASTERISK.format(start.plusSeconds(5)) : "";
        return String.join(",", q(account), q("1001"), q("0612345678"), q("from-internal"),
                q("\"Smith, Bob\" <1001>"), q("SIP/1001-0001"), q("SIP/trunk-0002"), q("Dial"),
                q("SIP/trunk/0612345678,60,tT"), q(ASTERISK.format(start)), q(answer),
                q(ASTERISK.format(start.plusSeconds(5L + billsec))), String.valueOf(5 + billsec),
                String.valueOf(billsec), q(disposition), q("DOCUMENTATION"), q(uniqueId), q("")) + "\n";
    }

    private static String q(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }

    private void drop(String name, String content) throws IOException {
        Files.createDirectories(inbox);
        Path temporary = inbox.resolve(name + ".part");
        Files.writeString(temporary, content);
        Files.move(temporary, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private Stream<String> doneFiles() throws IOException {
        Path done = inbox.resolve("done");
        if (!Files.isDirectory(done)) {
            return Stream.empty();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.map(f -> f.getFileName().toString()).toList().stream();
        }
    }
}
