package io.cemhub.ops;

import io.cemhub.adapter.AdapterCatalog;
import io.cemhub.adapter.AdapterMetrics;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.NamedContributor;
import org.springframework.boot.actuate.health.Status;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Health component {@code adapters}, one child per adapter of the catalogue (whatever adapters the hub has
 * loaded): DOWN when all its routes are stopped, DEGRADED when some are, or when its quarantine ratio
 * within {@code cem.health.adapter-window} passes {@code cem.health.adapter-quarantine-ratio} (with at
 * least {@code cem.health.adapter-min-outcomes} outcomes), UNKNOWN when no route binds it to a transport,
 * UP otherwise. DEGRADED answers HTTP 200 (management.endpoint.health.status.http-mapping).
 */
public class AdapterHealth implements CompositeHealthContributor {

    public static final Status DEGRADED = new Status("DEGRADED", "the adapter works, but not as it should");

    private final AdapterCatalog catalog;
    private final AdapterMetrics metrics;
    private final HealthProperties limits;

    public AdapterHealth(AdapterCatalog catalog, AdapterMetrics metrics, HealthProperties limits) {
        this.catalog = catalog;
        this.metrics = metrics;
        this.limits = limits;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return catalog.adapters().stream().filter(a -> a.id().equals(name)).findFirst()
                .map(this::indicator).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        return catalog.adapters().stream()
                .map(a -> NamedContributor.of(a.id(), (HealthContributor) indicator(a))).iterator();
    }

    private HealthIndicator indicator(AdapterCatalog.AdapterView adapter) {
        return () -> health(adapter);
    }

    Health health(AdapterCatalog.AdapterView adapter) {
        AdapterMetrics.Recent recent = metrics.recent(adapter.id());
        Map<String, String> routes = new LinkedHashMap<>();
        adapter.routes().forEach(r -> routes.put(r.id(), r.status()));
        boolean tooMuchQuarantined = recent.mapped() + recent.quarantined() >= limits.getAdapterMinOutcomes()
                && recent.quarantineRatio() > limits.getAdapterQuarantineRatio();
        Health.Builder builder = switch (adapter.status()) {
            case "stopped" -> Health.down().withDetail("reason", "every route of the adapter is stopped");
            case "partly-started" -> Health.status(DEGRADED).withDetail("reason", "some routes of the adapter are stopped");
            case "no-routes" -> Health.unknown().withDetail("reason", "no route binds the adapter to a transport");
            default -> tooMuchQuarantined
                    ? Health.status(DEGRADED).withDetail("reason", String.format(java.util.Locale.ROOT,
                            "%.0f%% of its outcomes in the last %s were quarantined (limit %.0f%%)",
                            recent.quarantineRatio() * 100, limits.getAdapterWindow(),
                            limits.getAdapterQuarantineRatio() * 100))
                    : Health.up();
        };
        builder.withDetail("routes", routes)
                .withDetail("window", limits.getAdapterWindow().toString())
                .withDetail("mapped", recent.mapped())
                .withDetail("quarantined", recent.quarantined())
                .withDetail("quarantineRatio", Math.round(recent.quarantineRatio() * 1000) / 1000.0)
                .withDetail("quarantineRatioLimit", limits.getAdapterQuarantineRatio());
        // The last error stays in GET /api/v1/adapters: it may quote input, and health may be public.
        return builder.build();
    }
}
