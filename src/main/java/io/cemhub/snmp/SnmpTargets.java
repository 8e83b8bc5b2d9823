package io.cemhub.snmp;

import io.cemhub.config.ConfigYaml;
import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices the poller asks (config/snmp-targets.yaml, {@code cem.snmp.polling.targets-file}). The file
 * may name settings and environment variables as {@code ${NAME}} or {@code ${NAME:default}}, so secrets
 * stay out of it. {@link Target#toString()} leaves the secrets out.
 */
public record SnmpTargets(List<Target> targets) {

    public SnmpTargets {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** One polled interface and the service it carries (as the registry's external id of system "snmp"). */
    public record Interface(int ifIndex, String service) {
    }

    /** One SNMP agent. version: v2c or v3 (v1 has no 64-bit counters). */
    public record Target(String name, String address, Integer port, String version, String community,
                         String user, String authProtocol, String authPassphrase, String privProtocol,
                         String privPassphrase, List<Interface> interfaces) {

        public Target {
            port = port == null ? 161 : port;
            version = version == null ? "v2c" : version;
            interfaces = interfaces == null ? List.of() : List.copyOf(interfaces);
            name = name == null ? address : name;
        }

        /** The service id of an interface: as configured, or {@code <address>/<ifIndex>} like the traps. */
        public String serviceOf(Interface i) {
            return i.service() != null && !i.service().isBlank() ? i.service() : address + "/" + i.ifIndex();
        }

        @Override
        public String toString() {
            return "Target[" + name + " " + address + ":" + port + " " + version + ", " + interfaces.size() + " interfaces]";
        }
    }

    public static SnmpTargets load(Path file, PropertyResolver placeholders) {
        if (!Files.isRegularFile(file)) {
            return new SnmpTargets(List.of());
        }
        SnmpTargets loaded;
        try {
            loaded = ConfigYaml.read(Files.newInputStream(file), file.toAbsolutePath().toString(), placeholders,
                    SnmpTargets.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
        if (loaded == null) {
            return new SnmpTargets(List.of());
        }
        loaded.check(file);
        return loaded;
    }

    private void check(Path file) {
        List<String> problems = new ArrayList<>();
        for (Target t : targets) {
            if (t.address() == null || t.address().isBlank()) {
                problems.add(t.name() + ": no address");
            }
            if ("v2c".equals(t.version()) && (t.community() == null || t.community().isEmpty())) {
                problems.add(t.name() + ": v2c needs a community");
            } else if ("v3".equals(t.version()) && (t.user() == null || t.authPassphrase() == null
                    || t.privPassphrase() == null)) {
                problems.add(t.name() + ": v3 needs user, authPassphrase and privPassphrase");
            } else if (!"v2c".equals(t.version()) && !"v3".equals(t.version())) {
                problems.add(t.name() + ": version " + t.version() + " (v2c or v3; v1 has no 64-bit counters)");
            }
            if (t.interfaces().isEmpty()) {
                problems.add(t.name() + ": no interfaces");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException(file + ": " + String.join("; ", problems));
        }
    }
}
