package io.cemhub.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The console roles inside Jolokia (Hawtio talks to the JVM only through it): admin may do anything;
 * operator reads, runs read-like operations, starts and stops Camel routes and uses the hub's threshold
 * operations; viewer (ANALYST) only reads. Each request of a (bulk) Jolokia POST is checked; one refused
 * request refuses the whole POST with 403.
 */
public class JolokiaAccessFilter extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> READS = Set.of("read", "list", "search", "version");
    private static final Pattern READ_LIKE = Pattern.compile("(dump|get|list|is|browse|count|query|find|status|canonical).*");
    private static final Set<String> ROUTE_CONTROL = Set.of("start", "stop", "suspend", "resume");

    private final AccessDeniedHandler denied;
    private final AuditLog audit;

    public JolokiaAccessFilter(AccessDeniedHandler denied, AuditLog audit) {
        this.denied = denied;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/actuator/jolokia") || path.startsWith("/actuator/hawtio/jolokia"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        if (who == null || !"POST".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String changes = changes(body);
        String refusal = has(who, Role.ADMIN) ? null : refusal(who, body);
        if (refusal != null) {
            audit.record(who.getName(), "jolokia", refusal, 403, null);
            denied.handle(request, response, new AccessDeniedException(refusal));
            return;
        }
        if (changes != null) {
            audit.record(who.getName(), "jolokia", changes, 200, null);
        }
        chain.doFilter(new io.cemhub.api.CachedBodyRequest(request, body), response);
    }

    /** The operations of a Jolokia POST that may change something (writes, non-read exec), or null. */
    static String changes(byte[] body) {
        StringBuilder changes = new StringBuilder();
        for (JsonNode r : requests(body)) {
            String type = r.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
            String operation = r.path("operation").asText("").replaceAll("\\(.*", "");
            if (type.equals("write") || type.equals("exec") && !READ_LIKE.matcher(operation).matches()
                    && !r.path("mbean").asText("").startsWith("hawtio:")) {
                changes.append(changes.length() == 0 ? "" : "; ").append(type).append(' ')
                        .append(operation.isEmpty() ? r.path("attribute").asText("") : operation).append(" on ")
                        .append(r.path("mbean").asText(""));
            }
        }
        return changes.length() == 0 ? null : changes.toString();
    }

    private static Iterable<JsonNode> requests(byte[] body) {
        try {
            JsonNode requests = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
            return requests.isArray() ? requests : List.of(requests);
        } catch (IOException e) {
            return List.of(); // Jolokia answers malformed requests itself
        }
    }

    /** Why the caller may not send these Jolokia requests, or null. */
    static String refusal(Authentication who, byte[] body) {
        boolean operator = has(who, Role.OPERATOR);
        for (JsonNode r : requests(body)) {
            String type = r.path("type").asText("").toLowerCase(java.util.Locale.ROOT);
            String mbean = r.path("mbean").asText("");
            String operation = r.path("operation").asText("").replaceAll("\\(.*", "");
            boolean allowed = READS.contains(type) || mbean.startsWith("hawtio:") || mbean.startsWith("jolokia:")
                    || (type.equals("exec") && READ_LIKE.matcher(operation).matches())
                    || (operator && type.equals("exec") && mbean.startsWith("org.apache.camel:")
                        && mbean.contains("type=routes") && ROUTE_CONTROL.contains(operation))
                    || (operator && type.equals("exec") && mbean.equals("io.cemhub:type=Thresholds"));
            if (!allowed) {
                return type + " " + (operation.isEmpty() ? r.path("attribute").asText("") : operation) + " on " + mbean;
            }
        }
        return null;
    }

    private static boolean has(Authentication who, Role role) {
        return who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }
}
