package io.cemhub.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Leader election among hub instances ({@code cem.cluster.*}, docs/scaling.md): the routes named in
 * {@link #runOnceRoutes} run on the elected leader only.
 */
@ConfigurationProperties("cem.cluster")
public class ClusterProperties {

    /** false: no election, every instance runs every route (one instance alone needs none, but it does no harm). */
    private boolean enabled = true;
    /**
     * The lock directory. Instances that share a database (and broker) must share this directory
     * (a shared file system); each instance with its own directory elects itself.
     */
    private String dir = "./data/cluster";
    /** The lock's name within the directory: instances elect one leader per namespace. */
    private String namespace = "cem-hub";
    /** Route ids that must run on one instance at a time; ids of routes that do not exist are ignored. */
    private List<String> runOnceRoutes = new ArrayList<>();
    /** How often every instance tries the lock (and the leader writes its heartbeat); the same on all. */
    private Duration acquireLockInterval = Duration.ofSeconds(2);
    /** A leader whose heartbeat is older than this many intervals is taken as gone. */
    private int heartbeatTimeoutMultiplier = 3;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getDir() { return dir; }
    public void setDir(String dir) { this.dir = dir; }
    public String getNamespace() { return namespace; }
    public void setNamespace(String namespace) { this.namespace = namespace; }
    public List<String> getRunOnceRoutes() { return runOnceRoutes; }
    public void setRunOnceRoutes(List<String> runOnceRoutes) { this.runOnceRoutes = runOnceRoutes; }
    public Duration getAcquireLockInterval() { return acquireLockInterval; }
    public void setAcquireLockInterval(Duration acquireLockInterval) { this.acquireLockInterval = acquireLockInterval; }
    public int getHeartbeatTimeoutMultiplier() { return heartbeatTimeoutMultiplier; }
    public void setHeartbeatTimeoutMultiplier(int heartbeatTimeoutMultiplier) { this.heartbeatTimeoutMultiplier = heartbeatTimeoutMultiplier; }
}
