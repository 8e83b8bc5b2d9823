package io.cemhub.api;

import io.cemhub.identity.RegistryService;
import io.cemhub.ui.KpiSeries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** What the customers' portal reads beyond Customer 360: the history of its own services' KPIs. */
@RestController
@Tag(name = "Customer 360")
public class PortalController {

    private final RegistryService registry;
    private final KpiSeries series;
    private final Clock clock;

    public PortalController(RegistryService registry, KpiSeries series, Clock clock) {
        this.registry = registry;
        this.series = series;
        this.clock = clock;
    }

    @GetMapping("/api/v1/customers/{id}/kpi-series")
    @Operation(summary = "A KPI of one of the customer's own services over a time range, in buckets (min, avg, max);"
            + " 404 when the service is not the customer's")
    public KpiSeries.Series kpiSeries(@PathVariable String id, @RequestParam String serviceId, @RequestParam String metric,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "72") int buckets) {
        // The path decides whose data this is (AccessRules); the service must be that customer's.
        registry.service(serviceId).filter(s -> id.equals(s.customerId()))
                .orElseThrow(() -> new NotFoundException("customer " + id + " has no service " + serviceId));
        return DashboardController.series(series, serviceId, metric, from, to, buckets, clock);
    }
}
