package io.cemhub.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cemhub.support.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The optional OIDC mode: bearer tokens signed by the provider's key, roles and customer from claims. */
class JwtModeTest extends HubTestSupport {

    private static final KeyPair KEYS = keys();

    @DynamicPropertySource
    static void jwt(DynamicPropertyRegistry registry) throws Exception {
        Path pem = Files.createTempFile("cem-jwt", ".pem");
        Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        registry.add("cem.security.jwt.enabled", () -> "true");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> pem.toUri().toString());
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(List<String> roles, String customer, Instant expires) throws Exception {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("jane").claim("roles", roles)
                .expirationTime(Date.from(expires));
        if (customer != null) {
            claims.claim("customer_id", customer);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(KEYS.getPrivate()));
        return jwt.serialize();
    }

    private int get(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void tokensCarryRolesAndCustomer() throws Exception {
        Instant later = Instant.now().plusSeconds(300);
        assertThat(get("/api/v1/thresholds", token(List.of("ANALYST"), null, later))).isEqualTo(200);
        assertThat(get("/api/v1/audit", token(List.of("ANALYST"), null, later))).isEqualTo(403);
        assertThat(get("/api/v1/customers/CUST-J", token(List.of("CUSTOMER"), "CUST-J", later))).isNotIn(401, 403);
        assertThat(get("/api/v1/customers/CUST-K", token(List.of("CUSTOMER"), "CUST-J", later))).isEqualTo(403);
        assertThat(get("/api/v1/thresholds", token(List.of("ANALYST"), null, Instant.now().minusSeconds(300)))).isEqualTo(401);
        assertThat(http().get("/api/v1/thresholds").status()).as("passwords still work").isEqualTo(200);
        assertThat(http().get("/api/v1/audit?action=login-failed").json().findValuesAsText("actor"))
                .as("a refused token is audited without the token").contains("bearer-token")
                .noneMatch(actor -> actor.startsWith("eyJ"));
    }
}
