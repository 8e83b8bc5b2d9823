package io.cemhub.api;

import io.cemhub.subscription.Subscription;
import io.cemhub.subscription.SubscriptionRequest;
import io.cemhub.subscription.SubscriptionService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;

/**
 * TMF688 Event Management hub: register a listener (callback + query), look it up, remove it. The hub's
 * extensions (channel, secret, groupBy, groupWait, groupInterval, rateLimit, maxAge) are optional; the
 * webhook secret is answered once, on creation. Grammar and channels: docs/subscriptions.md.
 */
@RestController
@RequestMapping("/tmf-api/eventManagement/v4/hub")
@Tag(name = "Subscriptions")
public class EventHubController {

    private final SubscriptionService subscriptions;

    public EventHubController(SubscriptionService subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    @Operation(summary = "Register a subscriber, e.g. {\"callback\": \"https://crm.example/cem\","
            + " \"query\": \"eventType=AlarmCreateEvent&perceivedSeverity>=major&segment=VIP\"}")
    public ResponseEntity<Hub> create(@RequestBody SubscriptionRequest request, Principal who) throws Exception {
        if (request == null) {
            throw new InvalidBodyException("a subscription needs at least a callback", List.of());
        }
        Subscription created = subscriptions.create(request, who == null ? null : who.getName());
        return ResponseEntity.created(URI.create("/tmf-api/eventManagement/v4/hub/" + created.id()))
                .body(Hub.of(created, true));
    }

    @GetMapping
    public List<Hub> list() {
        return subscriptions.all().stream().map(s -> Hub.of(s, false)).toList();
    }

    @GetMapping("/{id}")
    public Hub get(@PathVariable String id) {
        return subscriptions.find(id).map(s -> Hub.of(s, false)).orElseThrow(() -> new NotFoundException("no subscription " + id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a subscriber, with its queue and dead letters")
    public ResponseEntity<Void> delete(@PathVariable String id) throws Exception {
        boolean deleted;
        try {
            deleted = subscriptions.delete(id);
        } catch (IllegalStateException e) {
            throw new ConflictException("subscription-from-config", e.getMessage());
        }
        if (!deleted) {
            throw new NotFoundException("no subscription " + id);
        }
        return ResponseEntity.noContent().build();
    }

    /** A subscription as TMF688 shows it, with the hub's extensions; the secret only on creation. */
    public record Hub(String id, String callback, String query, String channel, String queue, List<String> groupBy,
                      Duration groupWait, Duration groupInterval, Double rateLimit, Duration maxAge, String origin,
                      String secret) {

        static Hub of(Subscription s, boolean withSecret) {
            boolean grouped = !s.groupBy().isEmpty();
            return new Hub(s.id(), s.callback(), s.query(), s.channel().wire(), "cem.events::" + s.queue(),
                    grouped ? s.groupBy() : null, grouped ? s.groupWait() : null, grouped ? s.groupInterval() : null,
                    s.rateLimit(), s.maxAge(), s.origin(), withSecret ? s.secret() : null);
        }
    }
}
