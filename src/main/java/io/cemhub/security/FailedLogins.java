package io.cemhub.security;

import org.springframework.context.ApplicationListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;

/** Every failed login (password, API key, token) goes to the audit log, with the name that was tried. */
public class FailedLogins implements ApplicationListener<AbstractAuthenticationFailureEvent> {

    private final AuditLog audit;

    public FailedLogins(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void onApplicationEvent(AbstractAuthenticationFailureEvent event) {
        Object name = event.getAuthentication().getPrincipal();
        audit.record(name == null ? "unknown" : name.toString(), "login-failed", "authentication", 401,
                event.getException().getMessage());
    }
}
