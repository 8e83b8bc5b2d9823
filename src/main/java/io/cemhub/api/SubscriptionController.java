package io.cemhub.api;

import io.cemhub.subscription.DeadLetters;
import io.cemhub.subscription.Subscription;
import io.cemhub.subscription.SubscriptionService;
import io.cemhub.subscription.SubscriptionStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.jms.JMSException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Operators' view of subscribers: delivery status, dead letters and their replay. */
@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "Subscriptions")
public class SubscriptionController {

    private final SubscriptionService subscriptions;
    private final DeadLetters deadLetters;

    public SubscriptionController(SubscriptionService subscriptions, DeadLetters deadLetters) {
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Every subscription with its delivery status")
    public List<SubscriptionStatus> all() {
        return subscriptions.all().stream().map(subscriptions::status).toList();
    }

    @GetMapping("/{id}/status")
    @Operation(summary = "Delivered, pending, retrying, dead-lettered, last error and lag of one subscription")
    public SubscriptionStatus status(@PathVariable String id) {
        return subscriptions.status(find(id));
    }

    @GetMapping("/{id}/dead-letters")
    @Operation(summary = "Events that could not be delivered, oldest first, with the reason")
    public List<DeadLetters.DeadLetter> deadLetters(@PathVariable String id,
                                                    @RequestParam(defaultValue = "100") int limit) throws JMSException {
        return deadLetters.list(find(id), Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/{id}/dead-letters/replay")
    @Operation(summary = "Move dead letters (all, or those of the given eventIds) back to the subscriber's queue")
    public Replayed replay(@PathVariable String id, @RequestBody(required = false) ReplayRequest request)
            throws JMSException {
        List<String> eventIds = request == null ? null : request.eventIds();
        return new Replayed(deadLetters.replay(find(id), eventIds));
    }

    private Subscription find(String id) {
        return subscriptions.find(id).orElseThrow(() -> new NotFoundException("no subscription " + id));
    }

    /** Which dead letters to replay; none given means all. */
    public record ReplayRequest(List<String> eventIds) {
    }

    /** How many dead letters went back to the subscriber's queue. */
    public record Replayed(int replayed) {
    }
}
