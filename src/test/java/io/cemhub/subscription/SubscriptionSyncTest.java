package io.cemhub.subscription;

import io.cemhub.support.Http;
import io.cemhub.support.HubTestSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Instances that share a database learn of each other's API subscriptions from it (every
 * cem.subscriptions.sync-interval, 10 s): one made elsewhere (stored, its queue made, not delivered here)
 * starts its delivery here; one deleted elsewhere (its row gone) stops here. ScaleOutTest shows the same with
 * two hub processes and a webhook subscriber.
 */
class SubscriptionSyncTest extends HubTestSupport {

    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    SubscriberDeliveries deliveries;
    @Autowired
    CamelContext camel;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSubscriptionMadeOrDeletedOnAnotherInstanceStartsOrStopsHere() throws Exception {
        Http.Response created = http().post("/tmf-api/eventManagement/v4/hub", "{\"channel\":\"webhook\","
                + "\"callback\":\"http://127.0.0.1:9/sync\",\"secret\":\"sync-test-secret-0123456789\","
                + "\"query\":\"serviceId=S-sync-test-none\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asText();
        String route = "cem-sub-" + id;

        // as another instance sees it: stored and its queue made, but not delivered here
        deliveries.stop(subscriptions.find(id).orElseThrow());
        await("the delivery starts here").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> camel.getRoute(route) != null && deliveries.started(id));

        // deleted on another instance: its row goes (its queues are that instance's to delete)
        jdbc.update("delete from subscription where id = ?", id);
        await("the delivery stops here").atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                .until(() -> camel.getRoute(route) == null && !deliveries.started(id));
        assertThat(subscriptions.find(id)).isEmpty();
    }
}
