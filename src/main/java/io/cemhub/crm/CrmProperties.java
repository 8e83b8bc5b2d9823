package io.cemhub.crm;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The CRM adapter ({@code cem.crm.*}; environment {@code CEM_CRM_*}): the SOAP service the CRM pushes to,
 * the limits that keep hostile XML out, and the CRM's query service the hub asks about unknown ids.
 */
@ConfigurationProperties("cem.crm")
public class CrmProperties {

    /** Serve the notification service at all. */
    private boolean enabled = true;
    /** Address below the CXF servlet ({@code cxf.path}, /services): the service answers on /services/crm. */
    private String path = "/crm";
    /** The folder with crm-notifications.wsdl, crm-query.wsdl and crm.xsd (the contract). */
    private String contractDir = "./adapters/crm";
    /** Largest request body taken; a larger one is refused with a Fault before it is parsed. */
    private long maxBodyBytes = 1_048_576;
    /** Deepest element nesting of a request (CXF's org.apache.cxf.stax.maxElementDepth). */
    private int maxElementDepth = 32;
    /** Most elements in one request (org.apache.cxf.stax.maxElementCount). */
    private long maxElementCount = 50_000;
    /** Most characters of one text node (org.apache.cxf.stax.maxTextLength). */
    private int maxTextLength = 65_536;
    private final Query query = new Query();

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }
    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }
    public String getContractDir() { return contractDir; }
    public void setContractDir(String contractDir) { this.contractDir = contractDir; }
    public long getMaxBodyBytes() { return maxBodyBytes; }
    public void setMaxBodyBytes(long maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
    public int getMaxElementDepth() { return maxElementDepth; }
    public void setMaxElementDepth(int maxElementDepth) { this.maxElementDepth = maxElementDepth; }
    public long getMaxElementCount() { return maxElementCount; }
    public void setMaxElementCount(long maxElementCount) { this.maxElementCount = maxElementCount; }
    public int getMaxTextLength() { return maxTextLength; }
    public void setMaxTextLength(int maxTextLength) { this.maxTextLength = maxTextLength; }
    public Query getQuery() { return query; }

    /**
     * The URL of a contract file: from {@link #getContractDir()} when it is there, else the copy packaged
     * in the jar (classpath crm-contract/), so a hub without an adapters/crm folder still serves the CRM.
     */
    public String contractUrl(String file) {
        java.nio.file.Path onDisk = java.nio.file.Path.of(contractDir, file);
        if (java.nio.file.Files.isRegularFile(onDisk)) {
            return onDisk.toUri().toString();
        }
        java.net.URL packaged = CrmProperties.class.getResource("/crm-contract/" + file);
        if (packaged == null) {
            throw new IllegalStateException("the CRM contract " + file + " is neither in " + contractDir
                    + " (cem.crm.contract-dir) nor in the jar");
        }
        return packaged.toString();
    }

    /** The CRM's query service (crm-query.wsdl), asked about ids the registry does not know. */
    public static class Query {
        /** Its address; empty: the hub never asks (held records wait for notifications only). */
        private String url = "";
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration receiveTimeout = Duration.ofSeconds(5);
        /** How long an answer is remembered ("unknown" included), so a flood of one id asks once. */
        private Duration cacheTtl = Duration.ofMinutes(5);
        /** Circuit breaker: failure rate (%) over the last calls that opens it, and how long it stays open. */
        private float failureRateThreshold = 50;
        private int slidingWindowSize = 10;
        private int minimumNumberOfCalls = 4;
        private Duration openFor = Duration.ofSeconds(30);

        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
        public Duration getConnectTimeout() { return connectTimeout; }
        public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }
        public Duration getReceiveTimeout() { return receiveTimeout; }
        public void setReceiveTimeout(Duration receiveTimeout) { this.receiveTimeout = receiveTimeout; }
        public Duration getCacheTtl() { return cacheTtl; }
        public void setCacheTtl(Duration cacheTtl) { this.cacheTtl = cacheTtl; }
        public float getFailureRateThreshold() { return failureRateThreshold; }
        public void setFailureRateThreshold(float failureRateThreshold) { this.failureRateThreshold = failureRateThreshold; }
        public int getSlidingWindowSize() { return slidingWindowSize; }
        public void setSlidingWindowSize(int slidingWindowSize) { this.slidingWindowSize = slidingWindowSize; }
        public int getMinimumNumberOfCalls() { return minimumNumberOfCalls; }
        public void setMinimumNumberOfCalls(int minimumNumberOfCalls) { this.minimumNumberOfCalls = minimumNumberOfCalls; }
        public Duration getOpenFor() { return openFor; }
        public void setOpenFor(Duration openFor) { this.openFor = openFor; }
        public boolean isEnabled() { return url != null && !url.isBlank(); }
    }
}
