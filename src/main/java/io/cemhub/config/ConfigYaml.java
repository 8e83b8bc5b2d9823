package io.cemhub.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.core.env.PropertyResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one of the hub's YAML config files into a type, after resolving {@code ${NAME}} and
 * {@code ${NAME:default}} in its values (not its comments) from the environment and settings, so that
 * secrets and addresses stay out of the files.
 */
public final class ConfigYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ConfigYaml() {
    }

    /** @return null for an empty file */
    public static <T> T read(InputStream in, String where, PropertyResolver environment, Class<T> type) {
        try (in) {
            JsonNode tree = YAML.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                return null;
            }
            resolve(tree, environment);
            return YAML.treeToValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + where + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    private static void resolve(JsonNode node, PropertyResolver environment) {
        if (node instanceof ObjectNode object) {
            object.properties().forEach(field -> {
                if (field.getValue().isTextual()) {
                    object.put(field.getKey(), environment.resolveRequiredPlaceholders(field.getValue().asText()));
                } else {
                    resolve(field.getValue(), environment);
                }
            });
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
}
