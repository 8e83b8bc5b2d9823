package io.cemhub.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Delivery settings ({@code cem.subscriptions.*}; environment {@code CEM_SUBSCRIPTIONS_*}). */
@ConfigurationProperties("cem.subscriptions")
public class SubscriptionProperties {

    /** Static subscribers, in the config directory. */
    private String file = "subscriptions.yaml";
    /** How long an event may be retried (counted from its publication) before it is dead-lettered. */
    private Duration maxAge = Duration.ofHours(24);
    /** First retry delay; doubles per attempt up to retryMaxDelay, each delay with random jitter. */
    private Duration retryInitialDelay = Duration.ofSeconds(1);
    private Duration retryMaxDelay = Duration.ofMinutes(1);
    /** Connect and request timeout of webhook and SOAP calls. */
    private Duration timeout = Duration.ofSeconds(10);
    /** Defaults of grouped subscriptions (Alertmanager's group_wait and group_interval). */
    private Duration groupWait = Duration.ofSeconds(30);
    private Duration groupInterval = Duration.ofMinutes(5);
    /** How often grouped subscriptions look for groups that are due. */
    private Duration groupCheck = Duration.ofSeconds(1);
    /** Most events in one grouped notification; a bigger group is sent in several. */
    private int maxGroupSize = 1000;
    /**
     * How often an instance looks for subscriptions made or deleted over the API of another instance on the
     * same database (its delivery starts or stops here).
     */
    private Duration syncInterval = Duration.ofSeconds(10);

    public String getFile() { return file; }
    public void setFile(String file) { this.file = file; }
    public Duration getMaxAge() { return maxAge; }
    public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
    public Duration getRetryInitialDelay() { return retryInitialDelay; }
    public void setRetryInitialDelay(Duration retryInitialDelay) { this.retryInitialDelay = retryInitialDelay; }
    public Duration getRetryMaxDelay() { return retryMaxDelay; }
    public void setRetryMaxDelay(Duration retryMaxDelay) { this.retryMaxDelay = retryMaxDelay; }
    public Duration getTimeout() { return timeout; }
    public void setTimeout(Duration timeout) { this.timeout = timeout; }
    public Duration getGroupWait() { return groupWait; }
    public void setGroupWait(Duration groupWait) { this.groupWait = groupWait; }
    public Duration getGroupInterval() { return groupInterval; }
    public void setGroupInterval(Duration groupInterval) { this.groupInterval = groupInterval; }
    public Duration getGroupCheck() { return groupCheck; }
    public void setGroupCheck(Duration groupCheck) { this.groupCheck = groupCheck; }
    public int getMaxGroupSize() { return maxGroupSize; }
    public void setMaxGroupSize(int maxGroupSize) { this.maxGroupSize = maxGroupSize; }
    public Duration getSyncInterval() { return syncInterval; }
    public void setSyncInterval(Duration syncInterval) { this.syncInterval = syncInterval; }
}
