package io.cemhub.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import static io.cemhub.security.Role.ADMIN;
import static io.cemhub.security.Role.ANALYST;
import static io.cemhub.security.Role.CUSTOMER;
import static io.cemhub.security.Role.INTEGRATOR;
import static io.cemhub.security.Role.OPERATOR;
import static io.cemhub.security.Role.SOURCE;

/**
 * Who may call what over HTTP (the table in docs/security.md). Only health is public; what no rule
 * names is for ADMIN alone, so that a new endpoint is closed until someone opens it on purpose.
 */
final class AccessRules {

    private static final String[] JOLOKIA = {"/actuator/jolokia", "/actuator/jolokia/**", "/actuator/hawtio/jolokia",
            "/actuator/hawtio/jolokia/**"};

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry r) {
        // Error and async dispatches (Camel's platform-http answers asynchronously) continue a request that was
        // authorized, or refused, on its first dispatch; a stateless login (API key, basic) is not carried over.
        r.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                .requestMatchers(paths(null, "/actuator/health", "/actuator/health/**", "/error", "/login", "/favicon.ico")).permitAll()
                // The demo's own webhook receiver checks the HMAC signature itself (demo profile only).
                .requestMatchers(paths(HttpMethod.POST, "/demo/webhook")).permitAll()
                // Jolokia runs operations over GET too, and CSRF checks skip GET: POST only.
                .requestMatchers(paths(HttpMethod.GET, JOLOKIA)).denyAll()
                .requestMatchers(paths(HttpMethod.HEAD, JOLOKIA)).denyAll()
                .requestMatchers(paths(null, "/actuator/**")).hasAnyRole(names(ADMIN, OPERATOR, ANALYST))
                // Sources: the ingest entries only; SOAP notifications come from the CRM, a source.
                .requestMatchers(paths(HttpMethod.POST, "/api/v1/measurements")).hasAnyRole(names(ADMIN, SOURCE))
                .requestMatchers(paths(null, "/ingest/**", "/services/**")).hasAnyRole(names(ADMIN, SOURCE))
                // A customer reads its own customer only; staff read every customer.
                .requestMatchers(paths(HttpMethod.GET, "/api/v1/customers/{customerId}", "/api/v1/customers/{customerId}/**"))
                .access(ownCustomerOrStaff())
                // KPI history of a service: the controller narrows a CUSTOMER to its own services.
                .requestMatchers(paths(HttpMethod.GET, "/api/v1/services/{serviceId}/kpis"))
                .hasAnyRole(names(ADMIN, OPERATOR, INTEGRATOR, ANALYST, CUSTOMER))
                .requestMatchers(paths(HttpMethod.GET, "/api/v1/experience/**")).hasAnyRole(names(ADMIN, OPERATOR, INTEGRATOR, ANALYST))
                // Reports: the controller narrows a CUSTOMER to its own customer's (others answer 404).
                .requestMatchers(paths(HttpMethod.GET, "/api/v1/reports", "/api/v1/reports/**"))
                .hasAnyRole(names(ADMIN, OPERATOR, INTEGRATOR, ANALYST, CUSTOMER))
                .requestMatchers(paths(HttpMethod.POST, "/api/v1/reports")).hasAnyRole(names(ADMIN, ANALYST))
                .requestMatchers(paths(HttpMethod.POST, "/api/v1/experience/recompute")).hasAnyRole(names(ADMIN, ANALYST))
                .requestMatchers(paths(HttpMethod.GET, "/api/v1/customers", "/api/v1/services", "/api/v1/services/**",
                        "/api/v1/thresholds", "/api/v1/thresholds/**", "/api/v1/silences", "/api/v1/silences/**",
                        "/tmf-api/alarmManagement/**", "/api/v1/quarantine", "/api/v1/quarantine/**", "/api/v1/adapters",
                        "/api/v1/adapters/**", "/api/v1/subscriptions", "/api/v1/subscriptions/**", "/api/v1/identity/**"))
                .hasAnyRole(names(ADMIN, OPERATOR, INTEGRATOR, ANALYST))
                .requestMatchers(paths(HttpMethod.POST, "/api/v1/thresholds/backtest")).hasAnyRole(names(ADMIN, OPERATOR, ANALYST))
                .requestMatchers(paths(null, "/api/v1/thresholds/**", "/api/v1/thresholds", "/api/v1/silences", "/api/v1/silences/**",
                        "/tmf-api/alarmManagement/**")).hasAnyRole(names(ADMIN, OPERATOR))
                .requestMatchers(paths(null, "/api/v1/customers", "/api/v1/customers/**", "/api/v1/services", "/api/v1/services/**",
                        "/api/v1/quarantine/**", "/api/v1/adapters/**", "/api/v1/subscriptions/**"))
                .hasAnyRole(names(ADMIN, INTEGRATOR))
                // The controller narrows a CUSTOMER to subscriptions of its own events.
                .requestMatchers(paths(null, "/tmf-api/eventManagement/**")).hasAnyRole(names(ADMIN, INTEGRATOR, CUSTOMER))
                // The dashboard and its feeds are for staff; the portal is for customers (and the admin, who
                // sees the portal's pages but, having no customer, no customer's data through them).
                .requestMatchers(paths(HttpMethod.GET, "/ui", "/ui/**", "/api/v1/stream/**", "/api/v1/dashboard/**"))
                .hasAnyRole(names(ADMIN, OPERATOR, INTEGRATOR, ANALYST))
                .requestMatchers(paths(HttpMethod.GET, "/portal", "/portal/**")).hasAnyRole(names(ADMIN, CUSTOMER))
                .requestMatchers(paths(HttpMethod.GET, "/", "/api/v1/me", "/common/**", "/webjars/**")).authenticated()
                .requestMatchers(paths(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                        "/schema/**", "/wsdl/**")).authenticated()
                .anyRequest().hasRole(ADMIN.name());
    }

    /**
     * Matchers by path pattern, servlet-independent: the hub runs more servlets than Spring MVC's (CXF,
     * Hawtio), and Spring Security refuses bare string patterns then.
     */
    private static RequestMatcher[] paths(HttpMethod method, String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(method, patterns[i]);
        }
        return matchers;
    }

    private static String[] names(Role... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }

    private static AuthorizationManager<RequestAuthorizationContext> ownCustomerOrStaff() {
        return (authentication, context) -> {
            var who = authentication.get();
            if (who == null || !who.isAuthenticated()) {
                return new AuthorizationDecision(false);
            }
            boolean staff = who.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(ADMIN.authority())
                    || a.getAuthority().equals(OPERATOR.authority()) || a.getAuthority().equals(INTEGRATOR.authority())
                    || a.getAuthority().equals(ANALYST.authority()));
            String wanted = context.getVariables().get("customerId");
            return new AuthorizationDecision(staff || Callers.customerOnly(who)
                    && Callers.customerId(who).map(own -> own.equals(wanted)).orElse(false));
        };
    }
}
