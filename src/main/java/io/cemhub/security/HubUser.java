package io.cemhub.security;

import java.util.List;

/**
 * A person or system that logs in with a password: the hash ({@code {bcrypt}$2a$...}), roles, the
 * customer a CUSTOMER user belongs to, and the jms subscriptions whose queues it may consume on the broker.
 */
public record HubUser(String username, String passwordHash, List<Role> roles, String customerId,
                      List<String> jmsSubscriptions) {

    public HubUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
        jmsSubscriptions = jmsSubscriptions == null ? List.of() : List.copyOf(jmsSubscriptions);
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "HubUser[" + username + ", roles=" + roles + (customerId == null ? "" : ", customer=" + customerId) + "]";
    }
}
