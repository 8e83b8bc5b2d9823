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
import io.cemhub.security.Callers;
import io.cemhub.subscription.InvalidSubscriptionException;
import org.springframework.security.core.Authentication;

import java.time.Duration;
import java.util.List;

/**
 * TMF688 Event Management hub: register a listener (callback + query), look it up, remove it. The hub's
 * extensions (channel, secret, groupBy, groupWait, groupInterval, rateLimit, maxAge) are optional; the
 * webhook secret is answered once, on creation. Grammar and channels: docs/subscriptions.md. A CUSTOMER
 * caller makes webhooks for its own customer's events only and sees only its own subscriptions.
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
    public ResponseEntity<Hub> create(@RequestBody SubscriptionRequest request, Authentication who) throws Exception {
        if (request == null) {
            throw new InvalidBodyException("a subscription needs at least a callback", List.of());
        }
        Subscription created = subscriptions.create(Callers.customerOnly(who) ? ownEventsOnly(request, who) : request,
                who == null ? null : who.getName());
        return ResponseEntity.created(URI.create("/tmf-api/eventManagement/v4/hub/" + created.id()))
                .body(Hub.of(created, true));
    }

    @GetMapping
    public List<Hub> list(Authentication who) {
        return subscriptions.all().stream().filter(s -> visible(s, who)).map(s -> Hub.of(s, false)).toList();
    }

    @GetMapping("/{id}")
    public Hub get(@PathVariable String id, Authentication who) {
        return subscriptions.find(id).filter(s -> visible(s, who)).map(s -> Hub.of(s, false))
                .orElseThrow(() -> new NotFoundException("no subscription " + id));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Remove a subscriber, with its queue and dead letters")
    public ResponseEntity<Void> delete(@PathVariable String id, Authentication who) throws Exception {
        if (subscriptions.find(id).filter(s -> visible(s, who)).isEmpty()) {
            throw new NotFoundException("no subscription " + id);
        }
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

    /** A customer sees only the subscriptions it made; staff see all. */
    private static boolean visible(Subscription s, Authentication who) {
        return !Callers.customerOnly(who) || who.getName().equals(s.owner());
    }

    /** A customer's subscription: a webhook, and only events about its own customer. */
    private static SubscriptionRequest ownEventsOnly(SubscriptionRequest r, Authentication who) {
        String own = Callers.customerId(who).orElseThrow(() -> new InvalidBodyException(
                "this customer login names no customer", List.of()));
        if (r.channel() != null && !r.channel().equalsIgnoreCase("webhook")) {
            throw new InvalidSubscriptionException("a customer subscribes with a webhook");
        }
        String query = (r.query() == null || r.query().isBlank() ? "" : r.query() + "&") + "customerId="
                + own.replace("%", "%25").replace("&", "%26").replace(",", "%2C");
        return new SubscriptionRequest(null, "webhook", r.callback(), query, r.secret(), r.groupBy(), r.groupWait(),
                r.groupInterval(), r.rateLimit(), r.maxAge());
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
