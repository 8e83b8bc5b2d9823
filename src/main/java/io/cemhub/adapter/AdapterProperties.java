package io.cemhub.adapter;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the adapter framework finds its files ({@code cem.adapters.*}; environment
 * {@code CEM_ADAPTERS_DIR}, ...). Camel loads the Kamelets and routes itself through
 * {@code camel.main.routes-include-pattern}, which config/application.yaml builds from these keys.
 */
@ConfigurationProperties("cem.adapters")
public class AdapterProperties {

    /** One folder per adapter: {@code <id>/<id>.kamelet.yaml}, README.md, samples/. */
    private String dir = "./adapters";
    /** JSONata mappings, by convention {@code <adapter>.jsonata} and {@code <adapter>.<format>.jsonata}. */
    private String mappingsDir = "./mappings";
    /** Route instances (Camel YAML DSL) that bind an adapter's Kamelet to a transport. */
    private String routesDir = "./routes";
    /** Content hashes of the files adapters have taken in, so the same file dropped twice counts once. */
    private String fileHashes = "./data/adapters/file-hashes.dat";

    public String getDir() { return dir; }
    public void setDir(String dir) { this.dir = dir; }
    public String getMappingsDir() { return mappingsDir; }
    public void setMappingsDir(String mappingsDir) { this.mappingsDir = mappingsDir; }
    public String getRoutesDir() { return routesDir; }
    public void setRoutesDir(String routesDir) { this.routesDir = routesDir; }
    public String getFileHashes() { return fileHashes; }
    public void setFileHashes(String fileHashes) { this.fileHashes = fileHashes; }
}
