package io.cemhub.broker;

import io.cemhub.security.HubAccounts;
import io.cemhub.security.HubUser;
import io.cemhub.security.Role;
import org.apache.activemq.artemis.core.security.CheckType;
import org.apache.activemq.artemis.spi.core.security.ActiveMQSecurityManager;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Logins to the embedded broker: the hub's own connection (an internal user with a password made at
 * every start), and the hub's accounts (config/users.yaml) for outside clients. A user's broker roles are
 * its hub roles plus {@code sub:<id>} for each jms subscription it may consume. What each role may do on
 * which address is set in {@link BrokerPermissions}.
 */
public class BrokerSecurity implements ActiveMQSecurityManager {

    /** The broker role of the hub's own connection: everything. */
    public static final String HUB_ROLE = "cem-hub";

    private final String hubUser;
    private final String hubPassword;
    private final HubAccounts accounts;
    private final PasswordEncoder encoder;

    public BrokerSecurity(String hubUser, String hubPassword, HubAccounts accounts, PasswordEncoder encoder) {
        this.hubUser = hubUser;
        this.hubPassword = hubPassword;
        this.accounts = accounts;
        this.encoder = encoder;
    }

    /** The broker role that may consume one jms subscription's queue. */
    public static String subscriberRole(String subscriptionId) {
        return "sub:" + subscriptionId;
    }

    @Override
    public boolean validateUser(String user, String password) {
        return roles(user, password) != null;
    }

    @Override
    public boolean validateUserAndRole(String user, String password,
                                       Set<org.apache.activemq.artemis.core.security.Role> allowed, CheckType checkType) {
        Set<String> mine = roles(user, password);
        if (mine == null) {
            return false;
        }
        for (org.apache.activemq.artemis.core.security.Role role : allowed) {
            if (mine.contains(role.getName()) && checkType.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /** The user's broker roles, or null when the login is wrong. */
    private Set<String> roles(String user, String password) {
        if (user == null || password == null) {
            return null;
        }
        if (user.equals(hubUser)) {
            return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8), hubPassword.getBytes(StandardCharsets.UTF_8))
                    ? Set.of(HUB_ROLE) : null;
        }
        HubUser account = accounts.user(user).orElse(null);
        if (account == null || !encoder.matches(password, account.passwordHash())) {
            return null;
        }
        Set<String> roles = new HashSet<>();
        for (Role r : account.roles()) {
            roles.add(r.name());
        }
        for (String subscription : account.jmsSubscriptions()) {
            roles.add(subscriberRole(subscription));
        }
        return roles;
    }
}
