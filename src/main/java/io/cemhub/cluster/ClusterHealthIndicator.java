package io.cemhub.cluster;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health component {@code cluster}: UP on the leader and on a follower alike (a follower is healthy, it
 * waits); the details say which this instance is, who leads, and where the run-once routes run.
 */
public class ClusterHealthIndicator extends AbstractHealthIndicator {

    private final HubCluster cluster;
    private final ClusterProperties properties;

    public ClusterHealthIndicator(HubCluster cluster, ClusterProperties properties) {
        super("the cluster service cannot be read");
        this.cluster = cluster;
        this.properties = properties;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.up()
                .withDetail("role", cluster.isLeader() ? "leader" : "follower")
                .withDetail("member", cluster.memberId())
                // the file lock tells a follower that someone leads, not who: the leader's own health names it
                .withDetail("leader", cluster.leader().orElse(cluster.isLeader() ? cluster.memberId() : "another instance"))
                .withDetail("dir", properties.getDir())
                .withDetail("namespace", properties.getNamespace())
                .withDetail("runOnceRoutes", cluster.runOnceRoutes());
    }
}
