package io.cemhub.api;

import io.cemhub.experience.ExperienceService;
import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.SlaService;
import io.cemhub.identity.RegistryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The customer experience index and SLA compliance (docs/experience.md). */
@RestController
@Tag(name = "Experience", description = "KPI history, SLA compliance, experience index, reports")
public class ExperienceController {

    private final ExperienceService experience;
    private final SlaService sla;
    private final RegistryService registry;
    private final Clock clock;

    public ExperienceController(ExperienceService experience, SlaService sla, RegistryService registry, Clock clock) {
        this.experience = experience;
        this.sla = sla;
        this.registry = registry;
        this.clock = clock;
    }

    /** A customer's index now, with its parts and its daily trend. */
    public record IndexAnswer(ExperienceService.CustomerIndex current, List<ExperienceStore.Day> trend) {
    }

    @GetMapping("/api/v1/customers/{id}/experience")
    @Operation(summary = "A customer's experience index (0-100, band bad/average/ideal, the four parts) and its daily"
            + " values over the last `days` days")
    public IndexAnswer index(@PathVariable String id, @RequestParam(defaultValue = "30") int days) {
        registry.customer(id).orElseThrow(() -> new NotFoundException("no customer " + id));
        Instant now = clock.instant();
        return new IndexAnswer(experience.of(id).orElse(null),
                experience.trend(id, now.minus(Duration.ofDays(Math.max(1, Math.min(days, 400)))), now.plusSeconds(1)));
    }

    @GetMapping("/api/v1/experience/distribution")
    @Operation(summary = "Customers per segment and band, with the average score (the dashboard's distribution)")
    public Map<String, Map<String, ExperienceStore.SegmentBand>> distribution() {
        return experience.distribution();
    }

    @PostMapping("/api/v1/experience/recompute")
    @Operation(summary = "Recompute every customer's index now (it also runs on a schedule: cem.experience.recompute)")
    public Map<String, Integer> recompute() {
        return Map.of("bandChanges", experience.recompute());
    }

    @GetMapping("/api/v1/customers/{id}/sla")
    @Operation(summary = "SLA compliance of the customer's services in [from, to): per service and contracted KPI, the"
            + " share of hours whose average met the contracted value (default: the last 30 days)")
    public SlaService.CustomerCompliance compliance(@PathVariable String id, @RequestParam(required = false) String from,
                                                    @RequestParam(required = false) String to) {
        registry.customer(id).orElseThrow(() -> new NotFoundException("no customer " + id));
        Instant end = KpiHistoryController.instant("to", to);
        Instant start = KpiHistoryController.instant("from", from);
        end = end == null ? clock.instant() : end;
        start = start == null ? end.minus(Duration.ofDays(30)) : start;
        if (!start.isBefore(end)) {
            throw new InvalidParameterException("from must be before to");
        }
        return sla.customer(id, start, end);
    }
}
