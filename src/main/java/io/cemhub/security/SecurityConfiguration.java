package io.cemhub.security;

import io.cemhub.config.ConfigFiles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.http.MediaType;

import java.time.Clock;

/**
 * One filter chain for every HTTP surface: HTTP basic and API keys for systems (stateless, no CSRF needed:
 * a browser cannot add those headers cross-site), the login form for people (Hawtio; session cookie,
 * CSRF on), bearer tokens when {@code cem.security.jwt.enabled}. Who may call what is {@link AccessRules}.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    public HubAccounts hubAccounts(HubSecurityProperties properties, ConfigFiles files, Environment environment) {
        return new HubAccounts(properties, files, environment);
    }

    @Bean
    public UserDetailsService userDetailsService(HubAccounts accounts) {
        return username -> accounts.user(username).map(HubPrincipal::of)
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** {bcrypt}... and the other prefixed forms; a bare $2a$ hash is taken as bcrypt. */
    @Bean
    public PasswordEncoder passwordEncoder() {
        DelegatingPasswordEncoder encoder = (DelegatingPasswordEncoder) PasswordEncoderFactories.createDelegatingPasswordEncoder();
        encoder.setDefaultPasswordEncoderForMatches(new BCryptPasswordEncoder());
        return encoder;
    }

    @Bean
    public AuditLog auditLog(JdbcTemplate jdbc, Clock clock) {
        return new AuditLog(jdbc, clock);
    }

    @Bean
    public FailedLogins failedLogins(AuditLog audit) {
        return new FailedLogins(audit);
    }

    /**
     * No Micrometer observation per security filter, authentication and authorization: with them on, every
     * request went through ~15 observed filter wrappers, ~5 % of the hub's CPU at one record per POST (issue
     * 10, docs/performance.md). Requests are still timed as a whole (http.server.requests); failed logins
     * still go to the audit log ({@link FailedLogins}).
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher events) {
        return new DefaultAuthenticationEventPublisher(events);
    }

    @Bean
    public SecurityFilterChain hubSecurity(HttpSecurity http, HubAccounts accounts, HubSecurityProperties properties,
                                           ApplicationEventPublisher events, AuditLog audit) throws Exception {
        ProblemResponses problems = new ProblemResponses();
        // Browsers (asking for HTML) go to the login form; everything else gets a 401 problem document.
        MediaTypeRequestMatcher browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        browsers.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
        String keyHeader = properties.getApiKeyHeader();
        // callers that send their credentials with every request (HTTP basic, an API key, a bearer token) are not
        // open to CSRF: they are not checked, and get no token
        RequestMatcher headerCredentials = request -> request.getHeader("Authorization") != null
                || request.getHeader(keyHeader) != null;
        http.authorizeHttpRequests(AccessRules::apply)
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .formLogin(form -> form.defaultSuccessUrl("/", false).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(new SpaCsrfTokenRequestHandler(headerCredentials))
                        .ignoringRequestMatchers(headerCredentials)
                        .ignoringRequestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/demo/webhook")))
                .exceptionHandling(e -> e
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browsers)
                        .defaultAuthenticationEntryPointFor(problems, request -> true)
                        .accessDeniedHandler(problems))
                .addFilterBefore(new ApiKeyAuthenticationFilter(accounts, keyHeader, problems, events),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new JolokiaAccessFilter(problems, audit), AuthorizationFilter.class)
                // before the filter that turns refusals into 401/403, so that refused calls are audited too
                .addFilterBefore(new AuditFilter(audit), ExceptionTranslationFilter.class);
        if (properties.getJwt().isEnabled()) {
            Callers.customerClaim(properties.getJwt().getCustomerClaim());
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(
                    new JwtRoles(properties.getJwt().getRolesClaim()))).authenticationEntryPoint(problems));
        }
        return http.build();
    }
}
