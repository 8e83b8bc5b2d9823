package io.cemhub.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.Http;
import io.cemhub.support.HubTestSupport;
import io.cemhub.support.Scrape;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/grafana/cem-hub-dashboard.json is well-formed and queries only metrics a running hub exports
 * (renaming a meter breaks this test), and every cem.* meter the hub exports is in docs/operations.md.
 */
class GrafanaDashboardTest extends HubTestSupport {

    static final Path DASHBOARD = Path.of("docs/grafana/cem-hub-dashboard.json");
    static final Path OPERATIONS = Path.of("docs/operations.md");
    /** PromQL words that are not metric names: keywords and aggregation modifiers. */
    static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right", "and",
            "or", "unless", "offset", "bool", "inf", "nan");
    static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*,");
    static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    @Autowired
    OpsSampler sampler;

    @Test
    void everyMetricTheDashboardQueriesIsInARealScrape() throws Exception {
        JsonNode dashboard = TestRecords.JSON.readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("panels").size()).isGreaterThan(10);
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(ids.add(panel.path("id").asInt())).as("panel ids are unique").isTrue();
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText())
                        .isEqualTo("${datasource}");
            }
        }
        Set<String> queried = metricNames(dashboard);
        assertThat(queried).contains("cem_ingest_accepted_total", "cem_pipeline_latency_seconds_bucket",
                "cem_adapter_quarantined_total", "cem_alarms_raised_total", "cem_subscription_pending",
                "cem_broker_queue_depth", "camel_exchanges_total", "jvm_memory_used_bytes");

        Scrape scrape = scrapeWithEverySeries();

        Set<String> missing = new TreeSet<>(queried);
        missing.removeAll(scrape.names());
        assertThat(missing).as("metrics the dashboard queries that the hub does not export").isEmpty();
    }

    @Test
    void everyCemMeterTheHubExportsIsDocumented() throws Exception {
        String operations = Files.readString(OPERATIONS);
        Set<String> undocumented = new TreeSet<>();
        for (String name : scrapeWithEverySeries().names()) {
            if (name.startsWith("cem_") && !operations.contains("`" + meterName(name) + "`")) {
                undocumented.add(meterName(name) + " (" + name + ")");
            }
        }
        assertThat(undocumented).as("cem.* meters missing in docs/operations.md").isEmpty();
    }

    /**
     * A scrape after the hub did a bit of everything, so that series that appear only with use exist: an
     * accepted and a refused submission, a poison adapter input, a subscriber, a sample of the broker.
     */
    private Scrape scrapeWithEverySeries() throws java.io.IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        assertThat(http().post("/api/v1/measurements", "[" + TestRecords.measurementJson("dash-" + run, "S-DASH-" + run,
                "vpn.loss", 7) + "]").status()).isEqualTo(202);
        assertThat(http().post("/api/v1/measurements", "[" + TestRecords.measurementJson("dash-bad-" + run, "S-DASH-" + run,
                "no.such.metric", 1) + "]").status()).isEqualTo(400);
        assertThat(http().post("/ingest/wisla-vpn", MetricsTest.vpnSample("bad-values.poison.json", "PRB-dash-" + run))
                .status()).isEqualTo(400);
        Http.Response subscriber = http().post("/tmf-api/eventManagement/v4/hub",
                "{\"channel\":\"jms\",\"query\":\"serviceId=S-DASH-" + run + "\"}");
        assertThat(subscriber.status()).as(subscriber.toString()).isEqualTo(201);
        // jvm_gc_pause_seconds appears with the first collection after the binder started: make sure one happened.
        System.gc();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                sampler.sample();
                Scrape s = Scrape.of(http());
                return s.value("cem_alarms_raised_total") > 0 && s.has("cem_subscription_pending")
                        && s.has("cem_pipeline_latency_seconds_bucket") && s.value("cem_pipeline_latency_seconds_count") > 0;
            });
            return Scrape.of(http());
        } finally {
            http().delete("/tmf-api/eventManagement/v4/hub/" + subscriber.json().path("id").asText());
        }
    }

    /** The metric names in every panel query and template variable of the dashboard. */
    static Set<String> metricNames(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode expr : dashboard.findValues("expr")) {
            names.addAll(metricNames(expr.asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(variable.path("query").path("query").asText());
            if (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** Metric names in one PromQL expression: identifiers outside label matchers, ranges and groupings, not calls. */
    static Set<String> metricNames(String promql) {
        String bare = promql.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            String word = m.group();
            boolean call = bare.substring(m.end()).stripLeading().startsWith("(");
            boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
            if (!call && !number && !KEYWORDS.contains(word.toLowerCase())) {
                names.add(word);
            }
        }
        return names;
    }

    /** cem_adapter_received_total -> cem.adapter.received; cem_pipeline_latency_seconds_bucket -> cem.pipeline.latency. */
    static String meterName(String prometheusName) {
        return prometheusName.replaceAll("(_seconds)?(_total|_bucket|_count|_sum|_max)?$", "").replace('_', '.');
    }

    @Test
    void theQueryParserFindsMetricNamesAndNothingElse() {
        assertThat(metricNames("histogram_quantile(0.95, sum by (le) (rate(cem_pipeline_latency_seconds_bucket"
                + "{instance=~\"$instance\"}[$__rate_interval])))")).containsExactly("cem_pipeline_latency_seconds_bucket");
        assertThat(metricNames("sum(rate(a_total{x=\"y{z}\"}[5m])) / clamp_min(b_total + c, 1) > bool 0"))
                .containsExactly("a_total", "b_total", "c");
        assertThat(meterName("cem_broker_queue_depth")).isEqualTo("cem.broker.queue.depth");
        assertThat(meterName("cem_subscription_failed_attempts_total")).isEqualTo("cem.subscription.failed.attempts");
    }
}
