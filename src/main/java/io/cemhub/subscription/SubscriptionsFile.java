package io.cemhub.subscription;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads config/subscriptions.yaml: {@code subscriptions:} a list of {@link SubscriptionRequest}s with their
 * own ids. {@code ${NAME}} / {@code ${NAME:default}} placeholders are resolved from the environment and
 * settings first, so that secrets and addresses stay out of the file.
 */
public final class SubscriptionsFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private SubscriptionsFile() {
    }

    public static List<SubscriptionRequest> read(InputStream in, String where, Environment environment) {
        try (in) {
            JsonNode tree = YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (tree == null || tree.isMissingNode()) {
                return List.of();
            }
            resolve(tree, environment);
            Content content = YAML.treeToValue(tree, Content.class);
            return content == null || content.subscriptions() == null ? List.of() : content.subscriptions();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read subscriptions from " + where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("subscriptions in " + where + ": " + e.getMessage(), e);
        }
    }

    /** Resolves placeholders in values only (comments may mention them freely). */
    private static void resolve(JsonNode node, Environment environment) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                if (field.getValue().isTextual()) {
                    object.put(field.getKey(), environment.resolveRequiredPlaceholders(field.getValue().asText()));
                } else {
                    resolve(field.getValue(), environment);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, environment.resolveRequiredPlaceholders(array.get(i).asText()));
                } else {
                    resolve(array.get(i), environment);
                }
            }
        }
    }

    private record Content(List<SubscriptionRequest> subscriptions) {
    }
}
