package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transport's manifest, {@code src/test/resources/bad-input/<transport>/cases.yaml} (and its further
 * parts {@code cases-*.yaml}, which hold only cases): {@code defaults}
 * (merged into every case), {@code bases} (named good documents a case starts from), {@code cases}, and
 * what a transport declares besides (the REST entries, the JMS queues, ...).
 * See docs/bad-input.md for the fields.
 */
public record Corpus(String transport, JsonNode root, JsonNode bases, List<Case> cases) {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static Corpus load(String transport) {
        String resource = "/bad-input/" + transport + "/cases.yaml";
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no manifest " + resource);
            }
            JsonNode root = YAML.readTree(in);
            JsonNode defaults = root.path("defaults");
            List<Case> cases = new ArrayList<>();
            Set<String> names = new HashSet<>();
            List<JsonNode> all = new ArrayList<>();
            root.path("cases").forEach(all::add);
            for (String part : parts(transport)) {
                try (InputStream p = Corpus.class.getResourceAsStream("/bad-input/" + transport + "/" + part)) {
                    YAML.readTree(p).path("cases").forEach(all::add);
                }
            }
            for (JsonNode c : all) {
                ObjectNode spec = defaults.isObject() ? ((ObjectNode) defaults.deepCopy()) : YAML.createObjectNode();
                spec.setAll((ObjectNode) c);
                String name = spec.path("name").asText();
                if (name.isEmpty() || !names.add(name)) {
                    throw new IllegalStateException(resource + ": a case without a name or a name twice: " + name);
                }
                if (!spec.path("expect").isObject()) {
                    throw new IllegalStateException(resource + ": case " + name + " has no expect");
                }
                cases.add(new Case(transport, name, spec));
            }
            return new Corpus(transport, root, root.path("bases"), cases);
        } catch (IOException e) {
            throw new UncheckedIOException(resource, e);
        }
    }

    /** The further parts of a manifest, {@code cases-*.yaml} beside it, in name order. */
    private static List<String> parts(String transport) throws IOException {
        java.net.URL dir = Corpus.class.getResource("/bad-input/" + transport + "/");
        if (dir == null || !"file".equals(dir.getProtocol())) {
            return List.of();
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(
                java.net.URI.create(dir.toString())))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("cases-") && n.endsWith(".yaml"))
                    .sorted().toList();
        }
    }

    /** One malformed input and what the hub must make of it. */
    public record Case(String transport, String name, JsonNode spec) {

        public String text(String field) {
            JsonNode v = spec.path(field);
            return v.isMissingNode() || v.isNull() ? null : v.asText();
        }

        public JsonNode expect() {
            return spec.path("expect");
        }

        /** A case kept in the corpus whose finding is not fixed yet: the reason, or null. */
        public String skipped() {
            return text("skip");
        }

        public List<String> list(String field) {
            List<String> values = new ArrayList<>();
            JsonNode v = spec.path(field);
            if (v.isArray()) {
                v.forEach(e -> values.add(e.asText()));
            } else if (!v.isMissingNode() && !v.isNull()) {
                values.add(v.asText());
            }
            return values;
        }

        public Map<String, String> strings(String field) {
            Map<String, String> values = new java.util.LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = spec.path(field).fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                values.put(e.getKey(), e.getValue().asText());
            }
            return values;
        }

        @Override
        public String toString() {
            return transport + "/" + name;
        }
    }
}
