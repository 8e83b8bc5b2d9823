package io.cemhub.ops;

import io.cemhub.identity.RegistryService;
import io.cemhub.model.Customer;
import io.cemhub.model.Service;
import io.cemhub.support.EventCollector;
import io.cemhub.support.EventsTestSupport;
import io.cemhub.support.Http;
import io.cemhub.support.Scrape;
import io.cemhub.support.TestRecords;
import io.cemhub.support.WebhookReceiver;
import io.cemhub.support.WebhookReceiver.Answer;
import io.cemhub.threshold.AlarmService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The meters of docs/operations.md move with what the hub does, read from a real Prometheus scrape. */
class MetricsTest extends EventsTestSupport {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    OpsSampler sampler;
    @Autowired
    AlarmService alarms;
    @Autowired
    RegistryService registry;

    @Test
    void measurementsAnAdapterExportAndAPoisonOneMoveTheirCounters() throws IOException {
        String service = "S-MET-" + run;
        String probe = "PRB-met-" + run;
        sampler.sample();
        Scrape before = Scrape.of(http());

        post("[" + TestRecords.measurementJson("hi-" + run, service, "vpn.loss", 7) + "]");
        await().atMost(WAIT).until(() -> events.causedBy("hi-" + run).size() == 1);
        post("[" + TestRecords.measurementJson("lo-" + run, service, "vpn.loss", 0.1) + "]");
        await().atMost(WAIT).until(() -> events.causedBy("lo-" + run).size() == 1);
        Http.Response poison = http().post("/ingest/wisla-vpn", vpnSample("bad-values.poison.json", probe));
        assertThat(poison.status()).as(poison.toString()).isEqualTo(400);
        Http.Response good = http().post("/ingest/wisla-vpn", vpnSample("two-tunnels.input.json", probe));
        assertThat(good.status()).as(good.toString()).isEqualTo(202);
        await().atMost(WAIT).until(() -> events.events(e -> EventCollector.isRecordEvent(e)
                && e.path("correlationId").asText().startsWith(probe)).size() == 10);
        sampler.sample();
        Scrape after = Scrape.of(http());

        assertThat(delta(before, after, "cem_ingest_accepted_total", "entry", "rest")).isEqualTo(2);
        assertThat(delta(before, after, "cem_adapter_mapped_total", "adapter", "wisla-vpn")).isEqualTo(10);
        assertThat(delta(before, after, "cem_adapter_quarantined_total", "adapter", "wisla-vpn")).isEqualTo(1);
        assertThat(delta(before, after, "cem_adapter_rejected_total", "adapter", "wisla-vpn")).isEqualTo(1);
        // received counts input items: an export document is one, whatever number of tunnels it holds
        assertThat(delta(before, after, "cem_adapter_received_total", "adapter", "wisla-vpn")).isEqualTo(2);
        assertThat(delta(before, after, "cem_quarantine_entries_total", "adapter", "wisla-vpn")).isEqualTo(1);
        assertThat(delta(before, after, "cem_events_published_total")).isGreaterThanOrEqualTo(14);
        assertThat(delta(before, after, "cem_pipeline_records_total")).isGreaterThanOrEqualTo(12);
        assertThat(delta(before, after, "cem_pipeline_latency_seconds_count")).isGreaterThanOrEqualTo(12);
        assertThat(delta(before, after, "cem_threshold_evaluations_total")).isGreaterThanOrEqualTo(2);
        assertThat(delta(before, after, "cem_alarms_raised_total", "severity", "critical", "cause", "threshold"))
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "cem_alarms_cleared_total", "severity", "critical", "cause", "threshold"))
                .isGreaterThanOrEqualTo(1);
        // Camel's route policy: every request to the adapter's REST route is an exchange with a duration.
        assertThat(delta(before, after, "camel_exchanges_total", "routeId", "wisla-vpn-rest")).isEqualTo(2);
        assertThat(delta(before, after, "camel_route_policy_seconds_count", "routeId", "wisla-vpn-rest")).isEqualTo(2);
        assertThat(delta(before, after, "camel_exchanges_total", "routeId", "cem-pipeline")).isGreaterThanOrEqualTo(3);
        assertThat(after.has("camel_exchanges_failed_total", "routeId", "cem-pipeline")).isTrue();
        // The refused export stays in quarantine: the sampled depth of cem.quarantine counts it.
        assertThat(delta(before, after, "cem_broker_queue_depth", "queue", "cem.quarantine")).isGreaterThanOrEqualTo(1);
        assertThat(after.has("cem_broker_queue_depth", "queue", "cem.ingest")).isTrue();
        assertThat(after.has("cem_broker_queue_depth", "queue", "cem.dlq")).isTrue();
        assertThat(after.has("cem_broker_queue_consumers", "queue", "cem.ingest")).isTrue();
    }

    @Test
    void anOperatorsClearIsCountedWithTheAlarmsSeverity() {
        String service = "S-OPS-" + run;
        post("[" + TestRecords.measurementJson("op-" + run, service, "vpn.loss", 2) + "]");
        await().atMost(WAIT).until(() -> events.causedBy("op-" + run).size() == 1);
        Scrape before = Scrape.of(http());

        assertThat(alarms.clear(List.of(Map.of("alarmedObject", service)), "operator-1")).hasSize(1);

        Scrape after = Scrape.of(http());
        assertThat(delta(before, after, "cem_alarms_cleared_total", "severity", "minor", "cause", "operator"))
                .isEqualTo(1);
    }

    @Test
    void subscriberMetersFollowDeliveriesQueuesAndDeletion() {
        String service = "S-SUB-" + run;
        registry.putCustomer(new Customer("C-SUB-" + run, "Metrics test", "VIP", "gold", "active", Map.of()));
        registry.putService(new Service(service, "C-SUB-" + run, "vpn", Map.of(), Map.of()));
        String query = "serviceId=" + service + "&eventType=MeasurementCreateEvent";
        try (WebhookReceiver ok = new WebhookReceiver("metrics-secret-0123456789", n -> Answer.ok());
             WebhookReceiver refusing = new WebhookReceiver("metrics-secret-0123456789", n -> Answer.status(422))) {
            String delivered = subscribe("webhook", ok.url(), query);
            String deadLettered = subscribe("webhook", refusing.url(), query);
            String queued = subscribe("jms", null, query);
            post("[" + String.join(",", TestRecords.measurementJson("s1-" + run, service, "vpn.rtt.avg", 10),
                    TestRecords.measurementJson("s2-" + run, service, "vpn.rtt.avg", 11),
                    TestRecords.measurementJson("s3-" + run, service, "vpn.rtt.avg", 12)) + "]");

            await().atMost(WAIT).until(() -> {
                sampler.sample();
                Scrape s = Scrape.of(http());
                return s.value("cem_subscription_delivered_total", "subscription", delivered) == 3
                        && s.value("cem_subscription_dead_lettered_total", "subscription", deadLettered) == 3
                        && s.value("cem_subscription_dead_letters", "subscription", deadLettered) == 3
                        && s.value("cem_subscription_pending", "subscription", queued) == 3
                        && s.value("cem_broker_queue_depth", "queue", "cem.sub." + queued) == 3;
            });
            Scrape s = Scrape.of(http());
            assertThat(s.value("cem_subscription_notifications_total", "subscription", delivered)).isEqualTo(3);
            assertThat(s.value("cem_subscription_pending", "subscription", delivered)).isZero();
            assertThat(s.value("cem_subscription_failed_attempts_total", "subscription", delivered)).isZero();

            assertThat(http().delete("/tmf-api/eventManagement/v4/hub/" + queued).status()).isEqualTo(204);
            sampler.sample();
            Scrape gone = Scrape.of(http());
            assertThat(gone.has("cem_subscription_pending", "subscription", queued)).isFalse();
            assertThat(gone.has("cem_subscription_delivered_total", "subscription", queued)).isFalse();
            assertThat(gone.has("cem_broker_queue_depth", "queue", "cem.sub." + queued)).isFalse();
            assertThat(gone.has("cem_subscription_pending", "subscription", delivered)).isTrue();
            http().delete("/tmf-api/eventManagement/v4/hub/" + delivered);
            http().delete("/tmf-api/eventManagement/v4/hub/" + deadLettered);
        }
    }

    private void post(String body) {
        Http.Response answer = http().post("/api/v1/measurements", body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
    }

    private String subscribe(String channel, String callback, String query) {
        Http.Response created = http().post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"" + channel + "\""
                + (callback == null ? "" : ",\"callback\":\"" + callback + "\",\"secret\":\"metrics-secret-0123456789\"")
                + ",\"query\":\"" + query + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }

    /** An adapter sample with its own probe id and yesterday's times (the hub refuses times in the future). */
    static String vpnSample(String file, String probe) throws IOException {
        return Files.readString(Path.of("adapters/wisla-vpn/samples", file))
                .replace("PRB-07", probe).replace("2026-11-23T09:", "2026-11-22T09:");
    }
}
