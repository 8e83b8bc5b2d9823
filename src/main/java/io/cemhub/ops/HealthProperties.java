package io.cemhub.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** When an adapter counts as degraded ({@code cem.health.*}; environment {@code CEM_HEALTH_*}). */
@ConfigurationProperties("cem.health")
public class HealthProperties {

    /** DEGRADED when quarantined / (mapped + quarantined) within the window passes this. */
    private double adapterQuarantineRatio = 0.2;
    /** The window of that ratio. */
    private Duration adapterWindow = Duration.ofMinutes(5);
    /** With fewer outcomes than this in the window the ratio says nothing: the adapter stays UP. */
    private long adapterMinOutcomes = 10;

    public double getAdapterQuarantineRatio() { return adapterQuarantineRatio; }
    public void setAdapterQuarantineRatio(double ratio) { this.adapterQuarantineRatio = ratio; }
    public Duration getAdapterWindow() { return adapterWindow; }
    public void setAdapterWindow(Duration adapterWindow) { this.adapterWindow = adapterWindow; }
    public long getAdapterMinOutcomes() { return adapterMinOutcomes; }
    public void setAdapterMinOutcomes(long adapterMinOutcomes) { this.adapterMinOutcomes = adapterMinOutcomes; }
}
