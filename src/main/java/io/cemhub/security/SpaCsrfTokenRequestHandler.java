package io.cemhub.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.StringUtils;

import java.util.function.Supplier;

/**
 * CSRF for Hawtio, a single-page application (Spring Security reference, "Single-Page Applications"):
 * Hawtio sends the XSRF-TOKEN cookie's raw value in X-XSRF-TOKEN, the login form the masked one; and the
 * cookie is issued on every response, so it is there right after login. With Spring's default handler
 * every Jolokia POST of Hawtio fails (../shared/notes/hawtio-and-security.md). Callers that send their
 * credentials in a header get no cookie: they are not checked for CSRF, and a new token per request (a
 * SecureRandom UUID and a Set-Cookie) was measurable CPU on one record per POST (docs/performance.md).
 */
final class SpaCsrfTokenRequestHandler implements CsrfTokenRequestHandler {

    private final CsrfTokenRequestHandler plain = new CsrfTokenRequestAttributeHandler();
    private final CsrfTokenRequestHandler xor = new XorCsrfTokenRequestAttributeHandler();
    private final RequestMatcher headerCredentials;

    SpaCsrfTokenRequestHandler(RequestMatcher headerCredentials) {
        this.headerCredentials = headerCredentials;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        xor.handle(request, response, csrfToken);
        if (!headerCredentials.matches(request)) {
            csrfToken.get(); // loads the deferred token, so that the cookie is written
        }
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        String header = request.getHeader(csrfToken.getHeaderName());
        return (StringUtils.hasText(header) ? plain : xor).resolveCsrfTokenValue(request, csrfToken);
    }
}
