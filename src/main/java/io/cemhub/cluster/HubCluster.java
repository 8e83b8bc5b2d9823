package io.cemhub.cluster;

import org.apache.camel.CamelContext;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.cluster.CamelClusterMember;
import org.apache.camel.cluster.CamelClusterView;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.impl.cluster.ClusteredRoutePolicy;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Leader election with Camel's own pieces, nothing home-made: a {@link FileLockClusterService} on
 * {@code cem.cluster.dir} elects one leader per namespace among the instances sharing that directory, and
 * each route named in {@code cem.cluster.run-once-routes} gets a {@link ClusteredRoutePolicy}, which starts
 * it on the leader only and stops it when leadership is lost. The routes are matched when they are created,
 * so routes from YAML files (the adapters' file inboxes) are covered like those from Java.
 */
public class HubCluster implements CamelContextConfiguration, RoutePolicyFactory {

    private static final Logger LOG = LoggerFactory.getLogger(HubCluster.class);

    private final ClusterProperties properties;
    private final FileLockClusterService service = new FileLockClusterService();
    private final Set<String> runOnce;
    private CamelContext camel;

    public HubCluster(ClusterProperties properties) {
        this.properties = properties;
        this.runOnce = Set.copyOf(properties.getRunOnceRoutes());
        service.setId(newMemberId());
        service.setRoot(properties.getDir());
        service.setAcquireLockDelay(1, TimeUnit.SECONDS);
        service.setAcquireLockInterval(properties.getAcquireLockInterval().toMillis(), TimeUnit.MILLISECONDS);
        service.setHeartbeatTimeoutMultiplier(properties.getHeartbeatTimeoutMultiplier());
    }

    /** Readable and unique, also for two hubs in one JVM (tests): host, process, and a random part. */
    private static String newMemberId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "localhost";
        }
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public void beforeApplicationStart(CamelContext camelContext) {
        this.camel = camelContext;
        try {
            camelContext.addService(service);
        } catch (Exception e) {
            throw new IllegalStateException("cannot add the cluster service", e);
        }
        camelContext.addRoutePolicyFactory(this);
    }

    @Override
    public void afterApplicationStart(CamelContext camelContext) {
        LOG.info("cluster: member {} in {} (namespace {}); run-once routes {} start when it leads",
                service.getId(), properties.getDir(), properties.getNamespace(), properties.getRunOnceRoutes());
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        if (!runOnce.contains(routeId)) {
            return null;
        }
        try {
            return ClusteredRoutePolicy.forNamespace(service, properties.getNamespace());
        } catch (Exception e) {
            throw new IllegalStateException("cannot make the clustered route policy of " + routeId, e);
        }
    }

    public String memberId() {
        return service.getId();
    }

    public boolean isLeader() {
        return service.isStarted() && view().getLocalMember().isLeader();
    }

    /** The leader's member id as this instance sees it; empty while none is known. */
    public Optional<String> leader() {
        return service.isStarted() ? view().getLeader().map(CamelClusterMember::getId) : Optional.empty();
    }

    /** The run-once routes that exist in this instance, with their status here (Started on the leader). */
    public Map<String, String> runOnceRoutes() {
        Map<String, String> routes = new LinkedHashMap<>();
        for (String id : properties.getRunOnceRoutes()) {
            Route route = camel == null ? null : camel.getRoute(id);
            if (route != null) {
                routes.put(id, String.valueOf(camel.getRouteController().getRouteStatus(id)));
            }
        }
        return routes;
    }

    private CamelClusterView view() {
        try {
            return service.getView(properties.getNamespace());
        } catch (Exception e) {
            throw new IllegalStateException("no cluster view " + properties.getNamespace(), e);
        }
    }
}
