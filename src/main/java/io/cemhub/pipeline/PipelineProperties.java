package io.cemhub.pipeline;

import io.cemhub.ingest.DrainingJmsListenerContainer;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;


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
    /**
     * Most ingest messages one pipeline transaction takes (the one a consumer waited for and those already
     * buffered behind it): one database and one JMS commit for all of them. 1: one message at a time.
     */
    private int drainMessages = 64;
    /** A drain stops once its message bodies reach this many bytes (bounds a transaction's size). */
    private long drainBytes = 1024L * 1024;
    /**
     * A drain waits this long for a next message (0: takes only what has arrived already). 10 ms fills the
     * transactions when records come one per request (docs/performance.md, P1); with a backlog it costs nothing.
     */
    private Duration drainLinger = Duration.ofMillis(10);
    /** and no longer than this after its first message. */
    private Duration drainMaxWait = Duration.ofMillis(50);
    /**
     * How long a checkpointed ingest message that this hub did not see acknowledged stays recognisable
     * (its transaction failed after the database commit, or its hub died): if it comes again within this
     * time its events are published again, not evaluated twice. Longer than the broker's redelivery delays.
     */
    private Duration checkpointHorizon = Duration.ofMinutes(10);

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
    public int getDrainMessages() { return drainMessages; }
    public void setDrainMessages(int drainMessages) { this.drainMessages = drainMessages; }
    public long getDrainBytes() { return drainBytes; }
    public void setDrainBytes(long drainBytes) { this.drainBytes = drainBytes; }
    public Duration getDrainLinger() { return drainLinger; }
    public void setDrainLinger(Duration drainLinger) { this.drainLinger = drainLinger; }
    public Duration getDrainMaxWait() { return drainMaxWait; }
    public void setDrainMaxWait(Duration drainMaxWait) { this.drainMaxWait = drainMaxWait; }
    public Duration getCheckpointHorizon() { return checkpointHorizon; }
    public void setCheckpointHorizon(Duration checkpointHorizon) { this.checkpointHorizon = checkpointHorizon; }
    /** The drain's limits as the listener container takes them. */
    public DrainingJmsListenerContainer.Limits drain() {
        return new DrainingJmsListenerContainer.Limits(drainMessages, drainBytes, drainLinger, drainMaxWait);
    }
}
