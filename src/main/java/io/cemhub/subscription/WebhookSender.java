package io.cemhub.subscription;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * HTTP POST of the TMF688 envelope (or, grouped, {@code {"groupKey":..., "events":[...]}}) to the
 * callback. Headers: {@code X-CEM-Event-Id} (single events), {@code X-CEM-Timestamp} (epoch seconds) and
 * {@code X-CEM-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the subscription's secret>}:
 * the receiver recomputes it to know the hub sent the body, and rejects old timestamps against replay.
 * Any 2xx is success.
 */
public class WebhookSender implements EventSender {

    public static final String SIGNATURE = "X-CEM-Signature";
    public static final String TIMESTAMP = "X-CEM-Timestamp";
    public static final String EVENT_ID = "X-CEM-Event-Id";

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public WebhookSender(Duration timeout, Clock clock) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public void send(Subscription s, Notification n) throws DeliveryException {
        String body = n.grouped()
                ? "{\"groupKey\":" + quote(n.groupKey()) + ",\"events\":["
                        + n.events().stream().map(QueuedEvent::body).collect(Collectors.joining(",")) + "]}"
                : n.events().get(0).body();
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(s.callback()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, "sha256=" + sign(s.secret(), timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (!n.grouped()) {
            request.header(EVENT_ID, n.events().get(0).eventId());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DeliveryException("POST " + s.callback() + " failed: " + e, false, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to " + s.callback(), false, e);
        }
        int status = response.statusCode();
        if (status / 100 != 2) {
            boolean permanent = status / 100 == 4 && status != 408 && status != 429;
            throw new DeliveryException("POST " + s.callback() + " answered " + status + abbreviate(response.body()), permanent);
        }
    }

    /** Hex HMAC-SHA256, as the receiver computes it. */
    public static String sign(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    private static String abbreviate(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        return ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
    }
}
