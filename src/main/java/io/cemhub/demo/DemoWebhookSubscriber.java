package io.cemhub.demo;

import io.cemhub.subscription.Subscription;
import io.cemhub.subscription.SubscriptionRequest;
import io.cemhub.subscription.SubscriptionService;
import io.cemhub.subscription.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The demo's webhook subscriber, so that a newcomer sees delivery work: the hub subscribes its own
 * endpoint POST /demo/webhook to alarm events (over real HTTP, signed), and the endpoint checks each
 * signature and logs what it got. GET /api/v1/subscriptions shows the delivery counters.
 */
@RestController
@Profile("demo")
public class DemoWebhookSubscriber {

    private static final Logger LOG = LoggerFactory.getLogger(DemoWebhookSubscriber.class);
    static final String PATH = "/demo/webhook";

    private final SubscriptionService subscriptions;
    private final Environment env;
    private final AtomicLong received = new AtomicLong();
    private volatile String secret;

    public DemoWebhookSubscriber(SubscriptionService subscriptions, Environment env) {
        this.subscriptions = subscriptions;
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void subscribe() throws Exception {
        String callback = "http://" + env.getProperty("server.address", "127.0.0.1") + ":"
                + env.getProperty("local.server.port", "8080") + PATH;
        Subscription existing = subscriptions.all().stream().filter(s -> callback.equals(s.callback())).findFirst()
                .orElse(null);
        if (existing == null) {
            existing = subscriptions.create(new SubscriptionRequest(null, "webhook", callback, "domain=alarm", null, null,
                    null, null, null, null), "demo");
        }
        secret = existing.secret();
        LOG.info("Demo: subscription {} delivers alarm events to {}", existing.id(), callback);
    }

    /** Events taken with a good signature since the start. */
    public long received() {
        return received.get();
    }

    @PostMapping(PATH)
    public ResponseEntity<Void> take(@RequestBody String body,
                                     @RequestHeader(WebhookSender.TIMESTAMP) String timestamp,
                                     @RequestHeader(WebhookSender.SIGNATURE) String signature,
                                     @RequestHeader(value = WebhookSender.EVENT_ID, required = false) String eventId) {
        if (secret == null || !("sha256=" + WebhookSender.sign(secret, timestamp + "." + body)).equals(signature)) {
            LOG.warn("Demo webhook: bad signature, refused");
            return ResponseEntity.status(401).build();
        }
        LOG.info("Demo webhook: event {} taken ({} so far)", eventId, received.incrementAndGet());
        return ResponseEntity.noContent().build();
    }
}
