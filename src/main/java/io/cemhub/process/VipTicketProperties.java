package io.cemhub.process;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * The vip-ticket process ({@code cem.processes.vip-ticket.*}; environment {@code CEM_PROCESSES_VIPTICKET_*}):
 * an alarm of one of {@link #severities} on a service of a customer whose segment is one of
 * {@link #segments} (or whose SLA tier is one of {@link #slaTiers}), open longer than {@link #after},
 * gets a trouble ticket in the CRM. Needs the CRM's query service ({@code cem.crm.query.url}).
 */
@ConfigurationProperties("cem.processes.vip-ticket")
public class VipTicketProperties {

    /** false: no tickets are opened (the route still runs and finds nothing). */
    private boolean enabled = true;
    /** How long an alarm must be open (since alarmRaisedTime) before its ticket is opened. */
    private Duration after = Duration.ofMinutes(15);
    /** How often the process looks for such alarms (route vip-ticket, on the elected leader). */
    private Duration period = Duration.ofSeconds(30);
    /** perceivedSeverity values that qualify (TMF642: critical, major, minor, warning). */
    private List<String> severities = List.of("critical");
    /** Customer segments that count as VIP (the registry's segment, compared ignoring case). */
    private List<String> segments = List.of("VIP");
    /** SLA tiers that count as VIP as well (empty: the segment alone decides). */
    private List<String> slaTiers = List.of();
    /** Most alarms ticketed per pass; the rest wait for the next pass. */
    private int batch = 50;
    /** The ticketType the CRM gets. */
    private String ticketType = "alarm";

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public Duration getAfter() { return after; }
    public void setAfter(Duration after) { this.after = after; }
    public Duration getPeriod() { return period; }
    public void setPeriod(Duration period) { this.period = period; }
    public List<String> getSeverities() { return severities; }
    public void setSeverities(List<String> severities) { this.severities = severities; }
    public List<String> getSegments() { return segments; }
    public void setSegments(List<String> segments) { this.segments = segments; }
    public List<String> getSlaTiers() { return slaTiers; }
    public void setSlaTiers(List<String> slaTiers) { this.slaTiers = slaTiers; }
    public int getBatch() { return batch; }
    public void setBatch(int batch) { this.batch = batch; }
    public String getTicketType() { return ticketType; }
    public void setTicketType(String ticketType) { this.ticketType = ticketType; }
}
