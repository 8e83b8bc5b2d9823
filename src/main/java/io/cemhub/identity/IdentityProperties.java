package io.cemhub.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/** Identity resolution: its cache and the hold of records whose id is not known yet ({@code cem.identity.*}). */
@ConfigurationProperties("cem.identity")
public class IdentityProperties {

    /**
     * How long a lookup (found or not) is remembered. Registry changes made through this hub instance
     * take effect at once; changes made through another instance after at most this long.
     */
    private Duration cacheTtl = Duration.ofSeconds(30);
    private long cacheSize = 200_000;
    /**
     * How long a record whose service/customer the registry does not know is held, waiting for its
     * mapping; then it flows on, flagged unresolved. PT0S: never held (flagged at once, as before the hold).
     */
    private Duration holdHorizon = Duration.ofHours(1);
    /**
     * The source systems whose ids the CRM masters (the registry is expected to learn them): only their
     * records are held. Records of other systems (the native "cem" entry, an adapter the CRM does not
     * know) flow on flagged unresolved at once: holding them would only delay them by the horizon.
     */
    private List<String> holdSystems = List.of("billing", "wisla-vpn", "wisla-speedtest", "snmp", "crm");
    /** How often held records are looked at again (mapping arrived? horizon passed? ask the CRM). */
    private Duration holdSweep = Duration.ofSeconds(5);
    /** Most held ids looked at in one sweep. */
    private int holdSweepKeys = 500;

    public Duration getCacheTtl() { return cacheTtl; }
    public void setCacheTtl(Duration cacheTtl) { this.cacheTtl = cacheTtl; }
    public long getCacheSize() { return cacheSize; }
    public void setCacheSize(long cacheSize) { this.cacheSize = cacheSize; }
    public Duration getHoldHorizon() { return holdHorizon; }
    public void setHoldHorizon(Duration holdHorizon) { this.holdHorizon = holdHorizon; }
    public List<String> getHoldSystems() { return holdSystems; }
    public void setHoldSystems(List<String> holdSystems) { this.holdSystems = List.copyOf(holdSystems); }
    public Duration getHoldSweep() { return holdSweep; }
    public void setHoldSweep(Duration holdSweep) { this.holdSweep = holdSweep; }
    public int getHoldSweepKeys() { return holdSweepKeys; }
    public void setHoldSweepKeys(int holdSweepKeys) { this.holdSweepKeys = holdSweepKeys; }

    /** Whether records of this source system wait for their mapping. */
    public boolean holds(String system) {
        return !holdHorizon.isZero() && !holdHorizon.isNegative() && system != null && holdSystems.contains(system);
    }
}
