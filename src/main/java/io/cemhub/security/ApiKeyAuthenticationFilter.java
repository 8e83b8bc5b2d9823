package io.cemhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * Authenticates systems by their API key header. A wrong key is refused at once (401) and counted as a
 * failed login; no header leaves the request to the other mechanisms.
 */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final HubAccounts accounts;
    private final String header;
    private final AuthenticationEntryPoint refusal;
    private final ApplicationEventPublisher events;

    public ApiKeyAuthenticationFilter(HubAccounts accounts, String header, AuthenticationEntryPoint refusal,
                                      ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.header = header;
        this.refusal = refusal;
        this.events = events;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(header);
        if (presented == null || presented.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<ApiKey> key = accounts.apiKey(presented.trim());
        if (key.isEmpty()) {
            BadCredentialsException failure = new BadCredentialsException("unknown API key");
            events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                    UsernamePasswordAuthenticationToken.unauthenticated("api-key", null), failure));
            refusal.commence(request, response, failure);
            return;
        }
        HubPrincipal principal = HubPrincipal.of(key.get());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
