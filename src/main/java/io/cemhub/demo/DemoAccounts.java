package io.cemhub.demo;

import io.cemhub.security.ApiKey;
import io.cemhub.security.HubAccounts;
import io.cemhub.security.HubUser;
import io.cemhub.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's accounts: one user per role with a fresh random password at every start (kept in memory
 * only, printed once on the console so a newcomer can log in), and the API key the simulators post with.
 */
public class DemoAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(DemoAccounts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, String> passwords = new LinkedHashMap<>();
    private final String sourceKey = secret();

    public DemoAccounts(HubAccounts accounts, PasswordEncoder encoder) {
        add(accounts, encoder, "demo-admin", Role.ADMIN, null);
        add(accounts, encoder, "demo-operator", Role.OPERATOR, null);
        add(accounts, encoder, "demo-integrator", Role.INTEGRATOR, null);
        add(accounts, encoder, "demo-analyst", Role.ANALYST, null);
        add(accounts, encoder, "demo-customer", Role.CUSTOMER, DemoFleet.customerId(1));
        add(accounts, encoder, "demo-source", Role.SOURCE, null);
        accounts.add(new ApiKey("demo-simulators", HubAccounts.sha256(sourceKey), List.of(Role.SOURCE), null));
    }

    /** The key the demo's simulators send as X-API-Key. */
    public String sourceKey() {
        return sourceKey;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void print() {
        StringBuilder table = new StringBuilder("Demo users (new passwords at every start; log in at /login for Hawtio,"
                + " HTTP basic for the API):");
        passwords.forEach((user, password) -> table.append("\n    ").append(String.format("%-16s %s", user, password)));
        LOG.info(table.toString());
    }

    private void add(HubAccounts accounts, PasswordEncoder encoder, String name, Role role, String customerId) {
        String password = secret().substring(0, 16);
        passwords.put(name + (customerId == null ? "" : " (" + customerId + ")"), password);
        accounts.add(new HubUser(name, encoder.encode(password), List.of(role), customerId, List.of()));
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
