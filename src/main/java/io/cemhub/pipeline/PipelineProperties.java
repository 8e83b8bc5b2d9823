package io.cemhub.pipeline;

import org.springframework.boot.context.properties.ConfigurationProperties;


/** The pipeline's consumers and retries ({@code cem.pipeline.*}; environment: {@code CEM_PIPELINE_*}). */
@ConfigurationProperties("cem.pipeline")
public class PipelineProperties {

    /** Consumers of the ingest queue in this instance; each holds some partitions at a time. */
    private int consumers = 4;
    /** Start consuming at start-up (tests switch it off to hold records on the queue). */
    private boolean autoStartup = true;
    /** The topic every event is published on. */
    private String eventsTopic = "cem.events";
    /** In-place retries of a record batch when the database fails transiently (order is kept); delay in ms, doubling. */
    private int transientRetries = 10;
    private long transientRetryDelay = 500;

    public int getConsumers() { return consumers; }
    public void setConsumers(int consumers) { this.consumers = consumers; }
    public boolean isAutoStartup() { return autoStartup; }
    public void setAutoStartup(boolean autoStartup) { this.autoStartup = autoStartup; }
    public String getEventsTopic() { return eventsTopic; }
    public void setEventsTopic(String eventsTopic) { this.eventsTopic = eventsTopic; }
    public int getTransientRetries() { return transientRetries; }
    public void setTransientRetries(int transientRetries) { this.transientRetries = transientRetries; }
    public long getTransientRetryDelay() { return transientRetryDelay; }
    public void setTransientRetryDelay(long transientRetryDelay) { this.transientRetryDelay = transientRetryDelay; }
}
