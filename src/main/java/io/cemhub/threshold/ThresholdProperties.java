package io.cemhub.threshold;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Threshold engine settings ({@code cem.thresholds.*}; environment: {@code CEM_THRESHOLDS_*}). */
@ConfigurationProperties("cem.thresholds")
public class ThresholdProperties {

    /** More raise/clear transitions than this within {@code flap-window} make an alarm flapping. */
    private int flapMaxTransitions = 4;
    private Duration flapWindow = Duration.ofMinutes(15);
    /** How often an instance looks for rule and silence changes made through another instance. */
    private Duration refresh = Duration.ofSeconds(5);
    /** How often the no-data monitor looks for series silent longer than their rule's noDataSeconds. */
    private Duration noDataCheck = Duration.ofSeconds(30);
    /** Store every measurement (backtests, reports). */
    private boolean storeMeasurements = true;
    /** Stored measurements older than this are deleted (a monthly report needs at least a month). */
    private Duration retention = Duration.ofDays(400);
    /** How often the retention deletes old measurements (route cem-measurement-retention, on the leader). */
    private Duration retentionCheck = Duration.ofHours(1);

    public int getFlapMaxTransitions() { return flapMaxTransitions; }
    public void setFlapMaxTransitions(int flapMaxTransitions) { this.flapMaxTransitions = flapMaxTransitions; }
    public Duration getFlapWindow() { return flapWindow; }
    public void setFlapWindow(Duration flapWindow) { this.flapWindow = flapWindow; }
    public Duration getRefresh() { return refresh; }
    public void setRefresh(Duration refresh) { this.refresh = refresh; }
    public Duration getNoDataCheck() { return noDataCheck; }
    public void setNoDataCheck(Duration noDataCheck) { this.noDataCheck = noDataCheck; }
    public boolean isStoreMeasurements() { return storeMeasurements; }
    public void setStoreMeasurements(boolean storeMeasurements) { this.storeMeasurements = storeMeasurements; }
    public Duration getRetention() { return retention; }
    public void setRetention(Duration retention) { this.retention = retention; }
    public Duration getRetentionCheck() { return retentionCheck; }
    public void setRetentionCheck(Duration retentionCheck) { this.retentionCheck = retentionCheck; }
}
