package io.cemhub.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Sampling of the gauges read from the broker ({@code cem.metrics.*}; environment {@code CEM_METRICS_*}). */
@ConfigurationProperties("cem.metrics")
public class MetricsProperties {

    /** How often queue depths and subscription gauges are read; a scrape only reads the last sample. */
    private Duration sampleInterval = Duration.ofSeconds(10);
    /** Every broker queue whose name starts with this gets a depth gauge. */
    private String queuePrefix = "cem.";

    public Duration getSampleInterval() { return sampleInterval; }
    public void setSampleInterval(Duration sampleInterval) { this.sampleInterval = sampleInterval; }
    public String getQueuePrefix() { return queuePrefix; }
    public void setQueuePrefix(String queuePrefix) { this.queuePrefix = queuePrefix; }
}
