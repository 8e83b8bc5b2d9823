package io.cemhub.api;

import io.cemhub.identity.HeldRecordStore;
import io.cemhub.identity.IdentityProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** How identity resolution is doing: records held for ids not known yet, and the counts since start. */
@RestController
@RequestMapping("/api/v1/identity")
@Tag(name = "Identity", description = "Records waiting for their customer/service mapping; unresolved counts")
public class IdentityController {

    private final HeldRecordStore held;
    private final IdentityProperties properties;
    private final MeterRegistry meters;

    public IdentityController(HeldRecordStore held, IdentityProperties properties, MeterRegistry meters) {
        this.held = held;
        this.properties = properties;
        this.meters = meters;
    }

    @GetMapping("/held")
    @Operation(summary = "Records held for ids the registry does not know yet (longest waiting first), and the"
            + " counters: held, released (resolved / expired after the horizon), flowed on unresolved")
    public HeldView held(@RequestParam(defaultValue = "100") int limit) {
        List<HeldRecordStore.Waiting> waiting = held.waiting(Paging.limit(limit));
        return new HeldView(held.count(), held.countBySystem(), properties.getHoldHorizon(), properties.getHoldSystems(),
                waiting.stream().map(w -> new WaitingId(w.key().system(), w.key().kind().name().toLowerCase(),
                        w.key().ref(), w.records(), w.since())).toList(),
                Map.of("held", count("cem.identity.held", null),
                        "releasedResolved", count("cem.identity.released", "resolved"),
                        "releasedExpired", count("cem.identity.released", "expired"),
                        "unresolved", count("cem.identity.unresolved", null)));
    }

    private long count(String name, String outcome) {
        var search = meters.find(name);
        if (outcome != null) {
            search = search.tag("outcome", outcome);
        }
        Counter counter = search.counter();
        return counter == null ? 0 : (long) counter.count();
    }

    /** The hold now and the counters since this instance started. */
    public record HeldView(long waiting, Map<String, Long> waitingBySystem, Duration horizon, List<String> holdSystems,
                           List<WaitingId> ids, Map<String, Long> sinceStart) {
    }

    /** One id records wait for. */
    public record WaitingId(String system, String kind, String ref, long records, Instant since) {
    }
}
