package io.cemhub.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** Identity resolution cache ({@code cem.identity.*}). */
@ConfigurationProperties("cem.identity")
public class IdentityProperties {

    /**
     * How long a lookup (found or not) is remembered. Registry changes made through this hub instance
     * take effect at once; changes made through another instance after at most this long.
     */
    private Duration cacheTtl = Duration.ofSeconds(30);
    private long cacheSize = 200_000;

    public Duration getCacheTtl() { return cacheTtl; }
    public void setCacheTtl(Duration cacheTtl) { this.cacheTtl = cacheTtl; }
    public long getCacheSize() { return cacheSize; }
    public void setCacheSize(long cacheSize) { this.cacheSize = cacheSize; }
}
