package io.cemhub.security;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/** Every failed login (password, API key, token) goes to the audit log, with the name that was tried. */
public class FailedLogins implements ApplicationListener<AbstractAuthenticationFailureEvent> {

    private final AuditLog audit;

    public FailedLogins(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
        audit.record(triedName(event.getAuthentication()), "login-failed", "authentication", 401,
                event.getException().getMessage());
    }

    /** The name that was tried; never a token or anything else secret. */
    static String triedName(Authentication attempt) {
        if (attempt instanceof UsernamePasswordAuthenticationToken && attempt.getPrincipal() instanceof String name) {
            return name.length() > 128 ? name.substring(0, 128) : name;
        }
        if (attempt instanceof UsernamePasswordAuthenticationToken && attempt.getPrincipal() instanceof HubPrincipal p) {
            return p.getUsername();
        }
        return attempt instanceof BearerTokenAuthenticationToken ? "bearer-token" : "unknown";
    }
}
