package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The adapters the hub has (a folder {@code <id>/} with {@code <id>.kamelet.yaml} in
 * {@code cem.adapters.dir}), their route instances (routes whose id starts with {@code <id>-}, by the
 * convention of routes/), their status and their counters.
 */
public class AdapterCatalog {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path dir;
    private final CamelContext camel;
    private final AdapterMetrics metrics;

    public AdapterCatalog(Path dir, CamelContext camel, AdapterMetrics metrics) {
        this.dir = dir;
        this.camel = camel;
        this.metrics = metrics;
    }

    public List<AdapterView> adapters() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(f -> Files.isRegularFile(kameletOf(f))).sorted().map(this::view).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private AdapterView view(Path folder) {
        String id = folder.getFileName().toString();
        JsonNode definition = read(kameletOf(folder)).path("spec").path("definition");
        List<RouteView> routes = camel.getRoutes().stream()
                .filter(r -> !r.isCreatedByKamelet() && r.getRouteId().startsWith(id + "-"))
                .map(r -> new RouteView(r.getRouteId(), r.getEndpoint().getEndpointBaseUri(), status(r)))
                .sorted((a, b) -> a.id().compareTo(b.id())).toList();
        return new AdapterView(id, definition.path("title").asText(id), definition.path("description").asText(""),
                status(routes), routes, metrics.snapshot(id));
    }

    /**
     * A run-once route (cem.cluster.run-once-routes) that is stopped because another instance leads is
     * "standby", not "stopped": the adapter is as healthy on a follower as on the leader.
     */
    private String status(Route route) {
        ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
        if (status != null && status.isStopped() && route.getRoutePolicyList().stream()
                .anyMatch(p -> p instanceof ClusteredRoutePolicy clustered && !clustered.isLeader())) {
            return "standby";
        }
        return status == null ? "unknown" : status.name().toLowerCase();
    }

    private static String status(List<RouteView> routes) {
        if (routes.isEmpty()) {
            return "no-routes";
        }
        long started = routes.stream().filter(r -> "started".equals(r.status()) || "standby".equals(r.status())).count();
        return started == routes.size() ? "started" : started == 0 ? "stopped" : "partly-started";
    }

    private static Path kameletOf(Path folder) {
        return folder.resolve(folder.getFileName() + ".kamelet.yaml");
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** One adapter as GET /api/v1/adapters shows it. */
    public record AdapterView(String id, String title, String description, String status, List<RouteView> routes,
                              AdapterMetrics.Snapshot counters) {
    }

    /** One route instance of an adapter: its transport and whether it runs. */
    public record RouteView(String id, String endpoint, String status) {
    }
}
