package io.cemhub.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Optional;

/** What the code needs to know about the caller: is it only a customer, and which one. */
public final class Callers {

    private static volatile String customerClaim = "customer_id";

    private Callers() {
    }

    static void customerClaim(String claim) {
        customerClaim = claim;
    }

    /** True when the caller's only business is its own customer (CUSTOMER and none of the staff roles). */
    public static boolean customerOnly(Authentication who) {
        if (who == null) {
            return false;
        }
        boolean customer = false;
        for (GrantedAuthority a : who.getAuthorities()) {
            if (a.getAuthority().equals(Role.CUSTOMER.authority())) {
                customer = true;
            } else if (a.getAuthority().startsWith("ROLE_")) {
                return false;
            }
        }
        return customer;
    }

    /** The customer a caller belongs to (users and keys: customerId; tokens: the customer claim). */
    public static Optional<String> customerId(Authentication who) {
        if (who == null) {
            return Optional.empty();
        }
        if (who.getPrincipal() instanceof HubPrincipal p) {
            return Optional.ofNullable(p.customerId());
        }
        if (who.getPrincipal() instanceof Jwt jwt) {
            return Optional.ofNullable(jwt.getClaimAsString(customerClaim));
        }
        return Optional.empty();
    }
}
