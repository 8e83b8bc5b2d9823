package io.cemhub.subscription;

import io.cemhub.config.ConfigYaml;
import org.springframework.core.env.Environment;

import java.io.InputStream;
import java.util.List;

/**
 * Reads config/subscriptions.yaml: {@code subscriptions:} a list of {@link SubscriptionRequest}s with their
 * own ids; placeholders as in {@link ConfigYaml}.
 */
public final class SubscriptionsFile {

    private SubscriptionsFile() {
    }

    public static List<SubscriptionRequest> read(InputStream in, String where, Environment environment) {
        Content content = ConfigYaml.read(in, "subscriptions in " + where, environment, Content.class);
        return content == null || content.subscriptions() == null ? List.of() : content.subscriptions();
    }

    private record Content(List<SubscriptionRequest> subscriptions) {
    }
}
