package io.cemhub.snmp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real net-snmp agent for tests: snmpd in the foreground on a free loopback UDP port, with a
 * configuration of its own in a temporary folder (a v2c community and a v3 authPriv user), its
 * persistent state in that folder too. {@link #close()} kills it.
 */
final class SnmpdAgent implements AutoCloseable {

    static final String COMMUNITY = "cem-poll";
    static final String USER = "cem-poll-user";
    static final String AUTH = "auth-secret-2";
    static final String PRIV = "priv-secret-2";

    final int port;
    final Path dir;
    private final Process process;

    private SnmpdAgent(int port, Path dir, Process process) {
        this.port = port;
        this.dir = dir;
        this.process = process;
    }

    static SnmpdAgent start() throws IOException {
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path dir = Files.createTempDirectory("cem-snmpd-");
        Path conf = dir.resolve("snmpd.conf");
        Files.write(conf, List.of(
                "rocommunity " + COMMUNITY + " 127.0.0.1",
                "createUser " + USER + " SHA-256 \"" + AUTH + "\" AES \"" + PRIV + "\"",
                "rouser " + USER + " priv",
                "sysLocation cem-hub test"));
        ProcessBuilder builder = new ProcessBuilder(NetSnmpTools.snmpd(), "-f", "-C", "-c", conf.toString(),
                "-Lf", dir.resolve("snmpd.log").toString(), "-p", dir.resolve("snmpd.pid").toString(),
                "udp:127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(dir.resolve("snmpd.out").toFile());
        builder.environment().put("SNMP_PERSISTENT_DIR", dir.resolve("persist").toString());
        builder.environment().put("MIBS", "");
        return new SnmpdAgent(port, dir, builder.start());
    }

    boolean alive() {
        return process.isAlive();
    }

    String log() throws IOException {
        Path log = dir.resolve("snmpd.log");
        return Files.isRegularFile(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
