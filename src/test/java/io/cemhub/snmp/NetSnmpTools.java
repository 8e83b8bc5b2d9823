package io.cemhub.snmp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's net-snmp command-line tools (packages snmp and snmpd; .ci/run installs them). Tests that need
 * them skip, with this reason, where they are absent.
 */
final class NetSnmpTools {

    static final String ABSENT = "net-snmp tools (snmptrap, snmpd) are not installed: apt-get install snmp snmpd";

    private NetSnmpTools() {
    }

    static boolean installed() {
        return onPath("snmptrap") && onPath("snmpinform") && snmpd() != null;
    }

    static String snmpd() {
        for (String candidate : new String[] {"/usr/sbin/snmpd", "/usr/local/sbin/snmpd"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return onPath("snmpd") ? "snmpd" : null;
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, tool).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** Runs a tool to its end (at most 20 s); the exit code and what it printed. */
    static Result run(String... command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true);
        builder.environment().put("MIBS", ""); // numeric OIDs only: no MIB loading, no MIB warnings
        Process process = builder.start();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 20 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int exit, String output) {
    }
}
