package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Every adapter's samples, with no Java per adapter: each {@code samples/<name>.input.<format>} must map
 * to exactly {@code <name>.expected.json} and be valid canonical records; each
 * {@code <name>.poison.<format>} must be refused (and so land in quarantine from a JMS or file source).
 * Run with {@code -Dcem.samples.write=true} to (re)write the expected files from the current mappings,
 * then review the diff.
 */
class GoldenSamplesTest {

    private static final Comparator<JsonNode> NUMBERS_CLOSE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.asDouble() - b.asDouble()) <= 1e-9 * Math.max(1, Math.abs(a.asDouble())) ? 0 : 1;
        }
        return a.equals(b) ? 0 : 1;
    };

    @TestFactory
    List<DynamicTest> everySampleMapsToItsExpectedRecords() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path folder : AdapterSamples.adapterFolders(AdapterSamples.ADAPTERS)) {
            String adapter = folder.getFileName().toString();
            for (Path input : AdapterSamples.samples(folder, "input")) {
                tests.add(DynamicTest.dynamicTest(adapter + "/" + input.getFileName(), () -> golden(adapter, input)));
            }
            for (Path poison : AdapterSamples.samples(folder, "poison")) {
                tests.add(DynamicTest.dynamicTest(adapter + "/" + poison.getFileName(), () -> refused(adapter, poison)));
            }
        }
        assertThat(tests).as("no adapter samples found under adapters/").isNotEmpty();
        return tests;
    }

    static void golden(String adapter, Path input) throws Exception {
        String name = input.getFileName().toString();
        Path expectedFile = input.resolveSibling(name.substring(0, name.indexOf(".input.")) + ".expected.json");
        JsonNode actual = AdapterSamples.mapped(AdapterSamples.MAPPINGS, adapter, input);
        if (Boolean.getBoolean("cem.samples.write")) {
            Files.writeString(expectedFile, TestRecords.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(actual) + "\n");
        }
        assertThat(expectedFile).as("expected output beside " + input).exists();
        JsonNode expected = TestRecords.JSON.readTree(expectedFile.toFile());
        assertThat(actual.equals(NUMBERS_CLOSE, expected))
                .as("%s maps to%n%s%nbut %s expects%n%s", input, actual.toPrettyString(), expectedFile,
                        expected.toPrettyString())
                .isTrue();
        AdapterResult result = AdapterSamples.pipeline(AdapterSamples.MAPPINGS, adapter)
                .process(adapter, AdapterSamples.formatOf(input), Files.readAllBytes(input), AdapterSamples.options(adapter));
        assertThat(result.failures()).as("canonical validation of " + input).isEmpty();
        assertThat(result.records()).hasSize(expected.size());
    }

    static void refused(String adapter, Path poison) throws Exception {
        byte[] payload = Files.readAllBytes(poison);
        Throwable thrown = catchThrowable(() -> {
            AdapterResult result = AdapterSamples.pipeline(AdapterSamples.MAPPINGS, adapter)
                    .process(adapter, AdapterSamples.formatOf(poison), payload, AdapterSamples.options(adapter));
            assertThat(result.failures()).as("poison sample " + poison + " must be refused").isNotEmpty();
            result.failures().forEach(f -> assertThat(f.reason()).isNotBlank());
        });
        if (thrown instanceof AssertionError e) {
            throw e;
        }
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(InputRejectedException.class);
        }
    }
}
