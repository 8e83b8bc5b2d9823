package io.cemhub.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Settings of the ingest side ({@code cem.ingest.*}; environment: {@code CEM_INGEST_*}). */
@ConfigurationProperties("cem.ingest")
public class IngestProperties {

    /** The durable, partitioned queue every adapter's records enter. */
    private String queue = "cem.ingest";
    /** The queue where outside systems post canonical JSON over JMS. */
    private String canonicalQueue = "cem.ingest.canonical";
    /**
     * Most messages one transaction takes off a JMS entry's queue (the canonical queue, the adapters' JMS
     * queues): the message a consumer waited for and those that follow it, sent on as one submission (fuller
     * ingest messages). 1: one message at a time.
     */
    private int jmsDrainMessages = 500;
    /** A drain stops once its message bodies reach this many bytes (bounds a transaction's memory). */
    private long jmsDrainBytes = 4L * 1024 * 1024;
    /** A drain waits this long for a next message (0: takes only what the consumer has buffered already). */
    private Duration jmsDrainLinger = Duration.ofMillis(20);
    /** and lingers no longer than this after its first message (bounds what draining adds to latency). */
    private Duration jmsDrainMaxWait = Duration.ofMillis(250);
    /** Number of partitions (JMS message groups). Change it only with the ingest queue drained. */
    private int partitions = 8;
    /** Most records one REST call or JMS message may carry. */
    private int maxBatch = 10_000;
    /** A partition's records are split into messages of at most this many records. */
    private int maxRecordsPerMessage = 500;
    /** Concurrent submissions commit together (group commit) up to this many records in one transaction. */
    private int maxRecordsPerCommit = 2_000;
    /** Largest request body the REST ingest entries (native and /ingest/*) read; larger ones get 413. */
    private long maxBodyBytes = 8L * 1024 * 1024;
    /**
     * POST /api/v1/measurements with a plain JSON body is answered by a servlet filter without Spring MVC's
     * dispatch (the same answers, less CPU per request); false: every request through Spring MVC.
     */
    private boolean restFastPath = true;
    /** How far an observedAt may lie ahead of the hub's clock. */
    private Duration maxClockSkew = Duration.ofMinutes(5);

    public String getQueue() { return queue; }
    public void setQueue(String queue) { this.queue = queue; }
    public String getCanonicalQueue() { return canonicalQueue; }
    public void setCanonicalQueue(String canonicalQueue) { this.canonicalQueue = canonicalQueue; }
    public int getJmsDrainMessages() { return jmsDrainMessages; }
    public void setJmsDrainMessages(int jmsDrainMessages) { this.jmsDrainMessages = jmsDrainMessages; }
    public long getJmsDrainBytes() { return jmsDrainBytes; }
    public void setJmsDrainBytes(long jmsDrainBytes) { this.jmsDrainBytes = jmsDrainBytes; }
    public Duration getJmsDrainLinger() { return jmsDrainLinger; }
    public void setJmsDrainLinger(Duration jmsDrainLinger) { this.jmsDrainLinger = jmsDrainLinger; }
    public Duration getJmsDrainMaxWait() { return jmsDrainMaxWait; }
    public void setJmsDrainMaxWait(Duration jmsDrainMaxWait) { this.jmsDrainMaxWait = jmsDrainMaxWait; }
    /** The drain's limits as the listener container takes them. */
    public DrainingJmsListenerContainer.Limits jmsDrain() {
        return new DrainingJmsListenerContainer.Limits(jmsDrainMessages, jmsDrainBytes, jmsDrainLinger,
                jmsDrainMaxWait);
    }
    public int getPartitions() { return partitions; }
    public void setPartitions(int partitions) { this.partitions = partitions; }
    public int getMaxBatch() { return maxBatch; }
    public void setMaxBatch(int maxBatch) { this.maxBatch = maxBatch; }
    public int getMaxRecordsPerMessage() { return maxRecordsPerMessage; }
    public void setMaxRecordsPerMessage(int maxRecordsPerMessage) { this.maxRecordsPerMessage = maxRecordsPerMessage; }
    public int getMaxRecordsPerCommit() { return maxRecordsPerCommit; }
    public void setMaxRecordsPerCommit(int maxRecordsPerCommit) { this.maxRecordsPerCommit = maxRecordsPerCommit; }
    public long getMaxBodyBytes() { return maxBodyBytes; }
    public void setMaxBodyBytes(long maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
    public boolean isRestFastPath() { return restFastPath; }
    public void setRestFastPath(boolean restFastPath) { this.restFastPath = restFastPath; }
    public Duration getMaxClockSkew() { return maxClockSkew; }
    public void setMaxClockSkew(Duration maxClockSkew) { this.maxClockSkew = maxClockSkew; }
}
