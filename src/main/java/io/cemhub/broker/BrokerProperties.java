package io.cemhub.broker;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Where the broker is and how it behaves ({@code cem.broker.*}; environment: {@code CEM_BROKER_*}).
 * By default the hub runs an embedded Artemis; profile {@code external-broker} points it elsewhere.
 */
@ConfigurationProperties("cem.broker")
public class BrokerProperties {

    /** Run an embedded Artemis inside the hub. */
    private boolean embedded = true;
    /** The URL the hub connects with; unset with the embedded broker (the hub then uses vm://{in-vm-id}). */
    private String url;
    /** The embedded broker's in-VM acceptor id: unique per JVM, so that two hubs in one JVM never share a broker. */
    private int inVmId = 0;
    private String user;
    private String password;
    /** Journal, bindings, paging and large messages of the embedded broker live here. */
    private String dataDir = "./data/broker";
    /** The embedded broker's TCP acceptor for outside clients, all protocols. */
    private String acceptor = "tcp://127.0.0.1:61616?protocols=CORE,AMQP,STOMP,MQTT";
    /** Delivery attempts before a message moves to the dead-letter address cem.dlq. */
    private int maxDeliveryAttempts = 5;
    private Duration redeliveryDelay = Duration.ofSeconds(1);
    /** How long the embedded broker waits for its journal's lock (held by another running hub?) before failing. */
    private Duration lockTimeout = Duration.ofSeconds(30);
    /** Memory an address may hold before the broker pages it to disk. */
    private long addressMaxSizeBytes = 64L * 1024 * 1024;

    public boolean isEmbedded() { return embedded; }
    public void setEmbedded(boolean embedded) { this.embedded = embedded; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public int getInVmId() { return inVmId; }
    public void setInVmId(int inVmId) { this.inVmId = inVmId; }

    /** The URL to connect with: the configured one, or the embedded broker's in-VM acceptor. */
    public String connectionUrl() {
        if (url != null && !url.isBlank()) {
            return url;
        }
        if (!embedded) {
            throw new IllegalStateException("cem.broker.url must be set when cem.broker.embedded is false"
                    + " (profile external-broker: CEM_BROKER_URL)");
        }
        return "vm://" + inVmId;
    }

    public String getUser() { return user; }
    public void setUser(String user) { this.user = user; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getDataDir() { return dataDir; }
    public void setDataDir(String dataDir) { this.dataDir = dataDir; }
    public String getAcceptor() { return acceptor; }
    public void setAcceptor(String acceptor) { this.acceptor = acceptor; }
    public int getMaxDeliveryAttempts() { return maxDeliveryAttempts; }
    public void setMaxDeliveryAttempts(int maxDeliveryAttempts) { this.maxDeliveryAttempts = maxDeliveryAttempts; }
    public Duration getRedeliveryDelay() { return redeliveryDelay; }
    public void setRedeliveryDelay(Duration redeliveryDelay) { this.redeliveryDelay = redeliveryDelay; }
    public Duration getLockTimeout() { return lockTimeout; }
    public void setLockTimeout(Duration lockTimeout) { this.lockTimeout = lockTimeout; }
    public long getAddressMaxSizeBytes() { return addressMaxSizeBytes; }
    public void setAddressMaxSizeBytes(long addressMaxSizeBytes) { this.addressMaxSizeBytes = addressMaxSizeBytes; }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "BrokerProperties[url=" + (url == null ? "vm://" + inVmId : url) + ", user=" + user + ", password=" + (password == null ? "none" : "****")
                + ", embedded=" + embedded + "]";
    }
}
