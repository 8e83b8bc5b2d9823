package io.cemhub.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;

/**
 * Audits every changing call (POST, PUT, PATCH, DELETE) of a logged-in caller on the REST APIs, refused
 * ones included, with its answer's status. Data entries (ingest, SOAP notifications) and the console's
 * Jolokia traffic (audited by operation in {@link JolokiaAccessFilter}) are not audited here.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLog audit;

    public AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !CHANGING.contains(request.getMethod())
                || !(path.startsWith("/api/") || path.startsWith("/tmf-api/"))
                || path.equals("/api/v1/measurements");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            if (who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)) {
                String query = request.getQueryString();
                audit.record(who.getName(), request.getMethod(), request.getRequestURI() + (query == null ? "" : "?" + query),
                        response.getStatus(), null);
            }
        }
    }
}
