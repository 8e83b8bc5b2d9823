package io.cemhub.support;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Command-line arguments for a hub a test starts itself (SpringApplicationBuilder): arguments outrank
 * ./config/application.yaml. Each hub gets its own data directory, ports and in-VM broker id; JMX is
 * off because several hubs share the JVM and would clash on the hub's MBean names.
 */
public final class TestHubArgs {

    private TestHubArgs() {
    }

    /** @param extra further "--key=value" arguments; a key given here replaces the default one */
    public static String[] of(Path dataDir, String... extra) {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : List.of("--cem.data-dir=" + dataDir, "--server.port=0",
                "--cem.broker.in-vm-id=" + FreePorts.nextInVmId(),
                "--cem.broker.acceptor=tcp://127.0.0.1:" + FreePorts.next(), "--spring.jmx.enabled=false",
                "--cem.snmp.traps.port=0")) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        for (String arg : extra) {
            args.put(arg.substring(0, arg.indexOf('=')), arg);
        }
        return args.values().toArray(String[]::new);
    }
}
