package io.cemhub.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens the hub's own configuration files (KPI catalogue, thresholds, subscriptions, ...). The copy in
 * the config directory ({@code cem.config-dir}, default {@code ./config}) wins, so operators edit files
 * in place; the copy packaged in the jar under {@code classpath:config/} is the fallback.
 */
public final class ConfigFiles {

    private final Path configDir;

    public ConfigFiles(Path configDir) {
        this.configDir = configDir;
    }

    public InputStream open(String fileName) {
        Path onDisk = configDir.resolve(fileName);
        try {
            if (Files.isRegularFile(onDisk)) {
                return Files.newInputStream(onDisk);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + onDisk.toAbsolutePath(), e);
        }
        InputStream packaged = ConfigFiles.class.getClassLoader().getResourceAsStream("config/" + fileName);
        if (packaged == null) {
            throw new IllegalStateException("Configuration file " + fileName + " is neither in "
                    + configDir.toAbsolutePath() + " nor packaged in the jar: create it or set cem.config-dir");
        }
        return packaged;
    }

    public String describe(String fileName) {
        Path onDisk = configDir.resolve(fileName);
        return Files.isRegularFile(onDisk) ? onDisk.toAbsolutePath().toString() : "classpath:config/" + fileName;
    }
}
