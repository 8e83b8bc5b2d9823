package io.cemhub.security;

import java.util.List;

/**
 * A key for a system (header X-API-Key): stored as the hex SHA-256 of the key, never the key itself. Keys
 * are long random strings, so a fast hash is enough and every request stays cheap (unlike bcrypt).
 */
public record ApiKey(String name, String sha256, List<Role> roles, String customerId) {

    public ApiKey {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "ApiKey[" + name + ", roles=" + roles + "]";
    }
}
