package io.cemhub.api;

import io.cemhub.experience.KpiHistory;
import io.cemhub.identity.RegistryService;
import io.cemhub.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

/** KPI history from the hour and day rollups, per service and per customer (its services merged). */
@RestController
@Tag(name = "Experience", description = "KPI history, SLA compliance, experience index, reports")
public class KpiHistoryController {

    private final KpiHistory history;
    private final RegistryService registry;

    public KpiHistoryController(KpiHistory history, RegistryService registry) {
        this.history = history;
        this.registry = registry;
    }

    @GetMapping("/api/v1/services/{id}/kpis")
    @Operation(summary = "A service's KPI history: per metric and hour (or day) count, min, avg, max, p95 (within 5 %)."
            + " A CUSTOMER sees its own services only")
    public KpiHistory.History ofService(@PathVariable String id,
                                        @Parameter(description = "one metric; all when absent") @RequestParam(required = false) String metric,
                                        @Parameter(description = "hour (default) or day") @RequestParam(defaultValue = "hour") String granularity,
                                        @Parameter(description = "ISO instant; default one day (hours) or 30 days (days) back") @RequestParam(required = false) String from,
                                        @Parameter(description = "ISO instant, exclusive; default now") @RequestParam(required = false) String to,
                                        Authentication who) {
        requireVisible(id, who);
        return checked(() -> history.ofService(id, metric, granularity, instant("from", from), instant("to", to)));
    }

    @GetMapping("/api/v1/customers/{id}/kpis")
    @Operation(summary = "A customer's KPI history, its services merged per metric and bucket")
    public KpiHistory.History ofCustomer(@PathVariable String id,
                                         @RequestParam(required = false) String metric,
                                         @RequestParam(defaultValue = "hour") String granularity,
                                         @RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to) {
        registry.customer(id).orElseThrow(() -> new NotFoundException("no customer " + id));
        return checked(() -> history.ofCustomer(id, metric, granularity, instant("from", from), instant("to", to)));
    }

    /**
     * A customer-only caller learns nothing about services not its own: they answer 404 like unknown ones.
     * Staff may ask for any id, also one the registry does not know (unresolved records have rollups too).
     */
    private void requireVisible(String serviceId, Authentication who) {
        if (Callers.customerOnly(who)) {
            boolean own = registry.service(serviceId)
                    .map(s -> Callers.customerId(who).map(s.customerId()::equals).orElse(false)).orElse(false);
            if (!own) {
                throw new NotFoundException("no service " + serviceId);
            }
        }
    }

    static Instant instant(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name + " is no ISO-8601 instant: " + text);
        }
    }

    static <T> T checked(Supplier<T> call) {
        try {
            return call.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
    }
}
