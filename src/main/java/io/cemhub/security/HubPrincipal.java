package io.cemhub.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** A logged-in user or API key: name, roles and, for a CUSTOMER, whose data it may see. */
public record HubPrincipal(String name, String passwordHash, List<Role> roles, String customerId) implements UserDetails {

    public static HubPrincipal of(HubUser user) {
        return new HubPrincipal(user.username(), user.passwordHash(), user.roles(), user.customerId());
    }

    public static HubPrincipal of(ApiKey key) {
        return new HubPrincipal(key.name(), null, key.roles(), key.customerId());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }

    /** Never prints the hash. */
    @Override
    public String toString() {
        return "HubPrincipal[" + name + ", roles=" + roles + "]";
    }
}
