package io.cemhub.cluster;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * Leader election ({@code cem.cluster.enabled}, default on): {@link HubCluster}, its health component
 * {@code cluster} and the gauge {@code cem.cluster.leader} (1 on the leader, 0 on a follower).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cem.cluster.enabled", havingValue = "true", matchIfMissing = true)
public class ClusterConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean
    public HubCluster hubCluster(ClusterProperties properties, Environment environment, MeterRegistry meters) {
        warnIfTheDirectoryLooksPrivate(properties, environment);
        HubCluster cluster = new HubCluster(properties);
        Gauge.builder("cem.cluster.leader", cluster, c -> c.isLeader() ? 1 : 0)
                .description("1 while this instance is the elected leader (runs the run-once routes), else 0")
                .register(meters);
        return cluster;
    }

    @Bean
    public ClusterHealthIndicator clusterHealthIndicator(HubCluster cluster, ClusterProperties properties) {
        return new ClusterHealthIndicator(cluster, properties);
    }

    /**
     * Instances that share a database must share the lock directory, or each elects itself and the run-once
     * routes run on all of them. The hub cannot see the other instances' directories; what it can see is a
     * database that others may share (not an H2 file or in-memory database) with a lock directory inside
     * this instance's own data directory, which is the usual way to get it wrong.
     */
    static void warnIfTheDirectoryLooksPrivate(ClusterProperties properties, Environment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        boolean privateDatabase = url.startsWith("jdbc:h2:file:") || url.startsWith("jdbc:h2:mem:") || url.isEmpty();
        Path dataDir = Path.of(environment.getProperty("cem.data-dir", "./data")).toAbsolutePath().normalize();
        Path lockDir = Path.of(properties.getDir()).toAbsolutePath().normalize();
        // only the part of the URL before its parameters is logged: they may carry a password
        if (!privateDatabase && lockDir.startsWith(dataDir)) {
            LOG.warn("cluster: the database ({}) may be shared by several instances, but the lock directory {} is "
                    + "inside this instance's data directory; instances sharing a database must share "
                    + "cem.cluster.dir, or each leads and the run-once routes run on all of them (docs/scaling.md)",
                    url.replaceAll("[?;].*$", ""), lockDir);
        }
    }
}
