package io.cemhub.subscription;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Checks a {@link SubscriptionRequest} and turns it into a {@link Subscription}, with defaults filled in. */
public class SubscriptionFactory {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SubscriptionProperties defaults;
    private final Clock clock;

    public SubscriptionFactory(SubscriptionProperties defaults, Clock clock) {
        this.defaults = defaults;
        this.clock = clock;
    }

    /**
     * @param origin "api" or "config"; config subscriptions name their own id, API ones get a new one
     * @throws InvalidSubscriptionException or {@link InvalidQueryException} saying what is wrong
     */
    public Subscription create(SubscriptionRequest r, String origin, String owner) {
        String id = origin.equals("config") ? r.id() : UUID.randomUUID().toString();
        if (id == null || !ID.matcher(id).matches()) {
            throw new InvalidSubscriptionException("id '" + id + "' must be 1-63 lower-case letters, digits or '-'");
        }
        Channel channel;
        try {
            channel = r.channel() == null ? Channel.WEBHOOK : Channel.of(r.channel());
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException(e.getMessage());
        }
        String callback = channel.pushed() ? callback(r.callback(), channel) : null;
        EventQuery query = EventQuery.parse(r.query());
        List<String> groupBy = r.groupBy() == null ? List.of() : r.groupBy().stream().map(f -> QueryField.of(f).property()).toList();
        Duration groupWait = positive(r.groupWait(), defaults.getGroupWait(), "groupWait");
        Duration groupInterval = positive(r.groupInterval(), defaults.getGroupInterval(), "groupInterval");
        if (!groupBy.isEmpty() && !channel.pushed()) {
            throw new InvalidSubscriptionException("groupBy needs a webhook or soap channel: a jms subscriber reads its queue itself");
        }
        if (r.rateLimit() != null && !(r.rateLimit() > 0)) {
            throw new InvalidSubscriptionException("rateLimit is notifications per second and must be above 0");
        }
        Duration maxAge = positive(r.maxAge(), defaults.getMaxAge(), "maxAge");
        String secret = r.secret();
        if (channel == Channel.WEBHOOK && (secret == null || secret.isBlank())) {
            if (origin.equals("config")) {
                throw new InvalidSubscriptionException("webhook subscription " + id + " needs a secret, e.g."
                        + " secret: ${CEM_SUBSCRIPTION_SECRET_" + id.toUpperCase(Locale.ROOT).replace('-', '_') + "}");
            }
            secret = newSecret();
        }
        if (secret != null && secret.length() < 16) {
            throw new InvalidSubscriptionException("secret must be at least 16 characters (or leave it out: the hub makes one)");
        }
        return new Subscription(id, channel, callback, query.text(), channel == Channel.WEBHOOK ? secret : null, groupBy,
                groupWait, groupInterval, r.rateLimit(), maxAge, origin, owner, clock.instant());
    }

    private static String callback(String callback, Channel channel) {
        if (callback == null || callback.isBlank()) {
            throw new InvalidSubscriptionException("a " + channel.wire() + " subscription needs a callback URL");
        }
        URI uri;
        try {
            uri = URI.create(callback);
        } catch (IllegalArgumentException e) {
            throw new InvalidSubscriptionException("callback '" + callback + "' is no URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new InvalidSubscriptionException("callback '" + callback + "' must be an absolute http or https URL");
        }
        return uri.toString();
    }

    private static Duration positive(Duration given, Duration fallback, String name) {
        if (given == null) {
            return fallback;
        }
        if (given.isNegative() || given.isZero()) {
            throw new InvalidSubscriptionException(name + " must be a positive ISO-8601 duration such as PT30S");
        }
        return given;
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
