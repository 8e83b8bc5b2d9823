package io.cemhub.ui;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** The dashboard and the portal ({@code cem.ui.*}; environment {@code CEM_UI_*}); docs/dashboard.md. */
@ConfigurationProperties("cem.ui")
public class UiProperties {

    /** How often an idle alarm stream gets a comment line, so that proxies and browsers keep it open. */
    private Duration streamHeartbeat = Duration.ofSeconds(15);
    /** After this an alarm stream ends; the browser's EventSource connects again by itself. */
    private Duration streamTimeout = Duration.ofMinutes(30);
    /** Most alarm streams open at once per hub instance; one more is refused with 503. */
    private int streamMaxClients = 200;
    /** How often the events/s figure is sampled from the meter cem.events.published. */
    private Duration eventRateSample = Duration.ofSeconds(5);
    /** How many events/s samples the dashboard's chart gets (with the default sample: 10 minutes). */
    private int eventRateHistory = 120;

    public Duration getStreamHeartbeat() { return streamHeartbeat; }
    public void setStreamHeartbeat(Duration streamHeartbeat) { this.streamHeartbeat = streamHeartbeat; }
    public Duration getStreamTimeout() { return streamTimeout; }
    public void setStreamTimeout(Duration streamTimeout) { this.streamTimeout = streamTimeout; }
    public int getStreamMaxClients() { return streamMaxClients; }
    public void setStreamMaxClients(int streamMaxClients) { this.streamMaxClients = streamMaxClients; }
    public Duration getEventRateSample() { return eventRateSample; }
    public void setEventRateSample(Duration eventRateSample) { this.eventRateSample = eventRateSample; }
    public int getEventRateHistory() { return eventRateHistory; }
    public void setEventRateHistory(int eventRateHistory) { this.eventRateHistory = eventRateHistory; }
}
