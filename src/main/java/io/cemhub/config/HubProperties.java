package io.cemhub.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Where the hub keeps its files ({@code cem.*}; environment: {@code CEM_DATA_DIR}, {@code CEM_CONFIG_DIR}). */
@ConfigurationProperties("cem")
public class HubProperties {

    /** Broker journal and H2 database live below this directory. */
    private String dataDir = "./data";
    /** KPI catalogue, thresholds, subscriptions: files here win over the copies packaged in the jar. */
    private String configDir = "./config";

    public String getDataDir() { return dataDir; }
    public void setDataDir(String dataDir) { this.dataDir = dataDir; }
    public String getConfigDir() { return configDir; }
    public void setConfigDir(String configDir) { this.configDir = configDir; }
}
