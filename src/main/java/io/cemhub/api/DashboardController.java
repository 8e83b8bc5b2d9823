package io.cemhub.api;

import io.cemhub.adapter.AdapterCatalog;
import io.cemhub.ops.AdapterHealth;
import io.cemhub.threshold.AlarmFilter;
import io.cemhub.threshold.AlarmStore;
import io.cemhub.ui.AlarmStreams;
import io.cemhub.ui.EventRate;
import io.cemhub.ui.KpiSeries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the operators' dashboard shows at a glance: active alarms by severity, events/s, adapter health. */
@RestController
@RequestMapping("/api/v1/dashboard")
@Tag(name = "Dashboard", description = "Figures for the operators' dashboard at /ui")
public class DashboardController {

    private static final List<String> SEVERITIES = List.of("critical", "major", "minor", "warning", "indeterminate");

    private final AlarmStore alarms;
    private final EventRate rate;
    private final AdapterCatalog adapters;
    private final AdapterHealth health;
    private final AlarmStreams streams;
    private final KpiSeries series;
    private final Clock clock;

    public DashboardController(AlarmStore alarms, EventRate rate, AdapterCatalog adapters, AdapterHealth health,
                               AlarmStreams streams, KpiSeries series, Clock clock) {
        this.alarms = alarms;
        this.rate = rate;
        this.adapters = adapters;
        this.health = health;
        this.streams = streams;
        this.series = series;
        this.clock = clock;
    }

    /** One adapter's line on the dashboard. */
    public record AdapterLine(String id, String title, String status, String health, long received, long mapped,
                              long quarantined) {
    }

    /** The dashboard's summary. */
    public record Summary(Instant at, Map<String, Long> activeAlarms, long unacknowledged, double eventsPerSecond,
                          List<EventRate.Sample> eventRate, List<AdapterLine> adapters, int openStreams) {
    }

    @GetMapping("/summary")
    @Operation(summary = "Active (raised or updated) alarms by severity, unacknowledged ones, events/s of this"
            + " instance with its recent history, each adapter's status and health")
    public Summary summary() {
        Map<String, Long> active = new LinkedHashMap<>();
        for (String severity : SEVERITIES) {
            active.put(severity, alarms.count(new AlarmFilter("raised", severity, null, null, null, null, null))
                    + alarms.count(new AlarmFilter("updated", severity, null, null, null, null, null)));
        }
        long unacknowledged = alarms.count(new AlarmFilter("raised", null, null, null, "unacknowledged", null, null))
                + alarms.count(new AlarmFilter("updated", null, null, null, "unacknowledged", null, null));
        List<AdapterLine> lines = adapters.adapters().stream().map(a -> new AdapterLine(a.id(), a.title(), a.status(),
                health(a.id()), a.counters().received(), a.counters().mapped(), a.counters().quarantined())).toList();
        return new Summary(clock.instant(), active, unacknowledged, rate.current(), rate.samples(), lines, streams.open());
    }

    @GetMapping("/kpi-series")
    @Operation(summary = "A service's KPI over a time range in at most `buckets` buckets (min, avg, max, count);"
            + " default: the last 6 hours in 72 buckets; at most 31 days")
    public KpiSeries.Series kpiSeries(@RequestParam String serviceId, @RequestParam String metric,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "72") int buckets) {
        return series(series, serviceId, metric, from, to, buckets, clock);
    }

    static KpiSeries.Series series(KpiSeries series, String serviceId, String metric, Instant from, Instant to,
                                   int buckets, Clock clock) {
        Instant end = to == null ? clock.instant() : to;
        Instant start = from == null ? end.minus(Duration.ofHours(6)) : from;
        try {
            return series.series(serviceId, metric, start, end, buckets);
        } catch (IllegalArgumentException e) {
            throw new InvalidBodyException(e.getMessage(), List.of());
        }
    }

    private String health(String adapter) {
        return health.getContributor(adapter) instanceof HealthIndicator indicator
                ? indicator.health().getStatus().getCode() : "UNKNOWN";
    }
}
