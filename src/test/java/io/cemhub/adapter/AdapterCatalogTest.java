package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rules every adapter folder must follow, checked on the files alone: the Kamelet declares exactly the
 * parameters its template uses (a placeholder without a dot is a Kamelet parameter; dotted ones are hub
 * settings), every parameter has a title, a description and a default, secrets are {@code format: password},
 * the first step is the header-hygiene entry, and there are samples, a poison one included, and a README.
 */
class AdapterCatalogTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^}:]+)(?::[^}]*)?}}");
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|secret|token|apikey|credential).*");

    @TestFactory
    List<DynamicTest> everyAdapterFolderIsComplete() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : AdapterSamples.adapterFolders(AdapterSamples.ADAPTERS)) {
            tests.add(DynamicTest.dynamicTest(folder.getFileName().toString(), () -> check(folder)));
        }
        assertThat(tests).isNotEmpty();
        return tests;
    }

    static void check(Path folder) throws Exception {
        String id = folder.getFileName().toString();
        Path kamelet = folder.resolve(id + ".kamelet.yaml");
        assertThat(kamelet).as("the adapter's Kamelet").exists();
        JsonNode root = YAML.readTree(kamelet.toFile());
        assertThat(root.path("metadata").path("name").asText()).isEqualTo(id);
        JsonNode properties = root.path("spec").path("definition").path("properties");
        Set<String> declared = new HashSet<>();
        properties.fieldNames().forEachRemaining(declared::add);
        for (String name : declared) {
            JsonNode p = properties.get(name);
            assertThat(p.has("title") && p.has("description") && p.has("default"))
                    .as("%s parameter %s needs title, description and default", id, name).isTrue();
            if (SECRET.matcher(name).matches()) {
                assertThat(p.path("format").asText()).as("%s secret parameter %s", id, name).isEqualTo("password");
            }
        }
        JsonNode template = root.path("spec").path("template");
        Set<String> used = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(YAML.writeValueAsString(template));
        while (m.find()) {
            if (!m.group(1).contains(".")) {
                used.add(m.group(1));
            }
        }
        assertThat(used).as("%s: parameters used in the template but not declared", id).isSubsetOf(declared);
        assertThat(declared).as("%s: parameters declared but not used", id).isSubsetOf(used);
        JsonNode first = template.path("from").path("steps").get(0);
        assertThat(first.path("process").path("ref").asText()).as("%s: the first step must be cemAdapterEntry", id)
                .isEqualTo("cemAdapterEntry");
        assertThat(folder.resolve("README.md")).as("%s: README.md with the source's contract", id).exists();
        assertThat(AdapterSamples.samples(folder, "input")).as("%s: samples/*.input.*", id).isNotEmpty();
        assertThat(AdapterSamples.samples(folder, "poison")).as("%s: samples/*.poison.*", id).isNotEmpty();
        for (Path input : AdapterSamples.samples(folder, "input")) {
            String format = AdapterSamples.formatOf(input);
            assertThat(AdapterSamples.MAPPINGS.resolve(AdapterPipeline.mappingFor(id, format)))
                    .as("%s: the mapping for %s input", id, format).exists();
        }
        try (var routes = Files.list(AdapterSamples.ROUTES)) {
            assertThat(routes.anyMatch(r -> read(r).contains("kamelet:" + id)))
                    .as("%s: a route in routes/ binds it to a transport", id).isTrue();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
