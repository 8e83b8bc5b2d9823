package io.cemhub.support.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A process of its own (a hub, a broker) that a fault test can kill for real: {@link #kill9()} sends
 * SIGKILL to it and its descendants (no shutdown hook runs, nothing is flushed), {@link #terminate} sends
 * SIGTERM (what an orchestrator sends) and waits for the process to end by itself. Its stdout and stderr go
 * to a log file, which outlives the process so that a failed test can be read afterwards.
 */
public final class ChildProcess implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcess.class);

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command} in {@code workDir}; output (both streams) is appended to {@code log}. */
    public static ChildProcess start(String name, List<String> command, Path workDir, Path log,
                                     Map<String, String> environment) {
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            LOG.info("started {} (pid {}), log {}", name, process.pid(), log);
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name + ": " + command, e);
        }
    }

    /** The java binary of the JVM running the tests, so that children run on the same JDK. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** The log so far (a crashed child's last words for assertion messages). */
    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code lines} lines of the log. */
    public String logTail(int lines) {
        List<String> all = logText().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Waits until the log contains {@code text}; fails at once, with the log's tail, if the process died. */
    public void awaitLog(String text, Duration atMost) {
        await(name + " to log '" + text + "'").atMost(atMost).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (logText().contains(text)) {
                return true;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before logging '"
                        + text + "':\n" + logTail(60));
            }
            return false;
        });
    }

    /** SIGKILL (kill -9) to the process and its descendants; returns once it is gone. */
    public void kill9() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly(); // SIGKILL on Unix
        descendants.forEach(ProcessHandle::destroyForcibly);
        awaitExit(Duration.ofSeconds(30));
        LOG.info("killed {} (pid {}) with SIGKILL", name, process.pid());
    }

    /** SIGTERM, then waits for the process to end by itself; returns its exit code. */
    public int terminate(Duration atMost) {
        process.destroy(); // SIGTERM on Unix: the JVM runs its shutdown hooks
        int code = awaitExit(atMost);
        LOG.info("{} (pid {}) ended after SIGTERM with exit code {}", name, process.pid(), code);
        return code;
    }

    /** Waits for the process to end; fails if it does not within {@code atMost}. */
    public int awaitExit(Duration atMost) {
        try {
            if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException(name + " (pid " + process.pid() + ") still runs after " + atMost);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whatever happened in the test, no child outlives it. */
    @Override
    public void close() {
        if (process.isAlive()) {
            kill9();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
