package io.cemhub.snmp;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * SNMP probes ({@code cem.snmp.*}): the trap receiver and the IF-MIB poller. Secrets (communities, USM
 * pass phrases) come from the environment like every other key ({@code CEM_SNMP_TRAPS_COMMUNITIES_0}) and
 * are never logged: {@link #toString()} is not overridden with them and {@link UsmUserConfig#toString()}
 * leaves them out.
 */
@ConfigurationProperties("cem.snmp")
public class SnmpProperties {

    private final Traps traps = new Traps();
    private final Polling polling = new Polling();

    public Traps getTraps() { return traps; }
    public Polling getPolling() { return polling; }

    /** The trap and INFORM receiver. */
    public static class Traps {
        private boolean enabled = true;
        /** Loopback until the security issue lands; devices elsewhere need 0.0.0.0 or the host's address. */
        private String bindAddress = "127.0.0.1";
        /** 1162, not 162: no root needed. 0 picks a free port (tests). */
        private int port = 1162;
        /** SO_RCVBUF asked of the kernel: a burst waits here while the hub is busy (the kernel may cap it: net.core.rmem_max). */
        private int receiveBufferBytes = 8 * 1024 * 1024;
        /** v1/v2c traps are accepted only with one of these communities; empty = v1/v2c refused. */
        private List<String> communities = new ArrayList<>();
        /** v3 traps and INFORMs are accepted only from these USM users, at authPriv. */
        private List<UsmUserConfig> users = new ArrayList<>();
        /**
         * Datagrams waiting to be decoded, and again notifications decoded but not yet durable: a burst
         * waits here; beyond it traps are dropped and counted (reason queue-full).
         */
        private int queueCapacity = 50_000;
        /** Most traps made durable in one broker transaction. */
        private int batchSize = 500;
        /**
         * Threads that check and decode datagrams (v3 decryption costs CPU). More than one decodes in
         * parallel but may swap two notifications of one device that arrive within the same instant (a
         * linkDown right before its linkUp), and the alarm follows the order: 1 keeps arrival order.
         */
        private int dispatcherThreads = 1;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getBindAddress() { return bindAddress; }
        public void setBindAddress(String bindAddress) { this.bindAddress = bindAddress; }
        public int getPort() { return port; }
        public void setPort(int port) { this.port = port; }
        public int getReceiveBufferBytes() { return receiveBufferBytes; }
        public void setReceiveBufferBytes(int receiveBufferBytes) { this.receiveBufferBytes = receiveBufferBytes; }
        public List<String> getCommunities() { return communities; }
        public void setCommunities(List<String> communities) { this.communities = communities; }
        public List<UsmUserConfig> getUsers() { return users; }
        public void setUsers(List<UsmUserConfig> users) { this.users = users; }
        public int getQueueCapacity() { return queueCapacity; }
        public void setQueueCapacity(int queueCapacity) { this.queueCapacity = queueCapacity; }
        public int getBatchSize() { return batchSize; }
        public void setBatchSize(int batchSize) { this.batchSize = batchSize; }
        public int getDispatcherThreads() { return dispatcherThreads; }
        public void setDispatcherThreads(int dispatcherThreads) { this.dispatcherThreads = dispatcherThreads; }
    }

    /** One SNMPv3 USM user: SHA-256 or stronger authentication, AES privacy; nothing weaker is accepted. */
    public static class UsmUserConfig {
        private String name;
        /** SHA-256, SHA-384 or SHA-512. */
        private String authProtocol = "SHA-256";
        private String authPassphrase;
        /** AES-128, AES-192 or AES-256. */
        private String privProtocol = "AES-128";
        private String privPassphrase;

        public String getName() { return name; }
        public void setName(String name) { this.name = name; }
        public String getAuthProtocol() { return authProtocol; }
        public void setAuthProtocol(String authProtocol) { this.authProtocol = authProtocol; }
        public String getAuthPassphrase() { return authPassphrase; }
        public void setAuthPassphrase(String authPassphrase) { this.authPassphrase = authPassphrase; }
        public String getPrivProtocol() { return privProtocol; }
        public void setPrivProtocol(String privProtocol) { this.privProtocol = privProtocol; }
        public String getPrivPassphrase() { return privPassphrase; }
        public void setPrivPassphrase(String privPassphrase) { this.privPassphrase = privPassphrase; }

        @Override
        public String toString() {
            return "UsmUser[" + name + ", " + authProtocol + ", " + privProtocol + "]";
        }
    }

    /** The IF-MIB poller (route {@code snmp-poll}). */
    public static class Polling {
        private boolean enabled = true;
        /** Devices and interfaces to poll; a missing file means nothing to poll. */
        private String targetsFile = "./config/snmp-targets.yaml";
        private Duration interval = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(2);
        private int retries = 1;

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public String getTargetsFile() { return targetsFile; }
        public void setTargetsFile(String targetsFile) { this.targetsFile = targetsFile; }
        public Duration getInterval() { return interval; }
        public void setInterval(Duration interval) { this.interval = interval; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public int getRetries() { return retries; }
        public void setRetries(int retries) { this.retries = retries; }
    }
}
