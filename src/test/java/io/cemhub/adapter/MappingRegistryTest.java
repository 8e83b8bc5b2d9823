package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Mappings: compiled once, recompiled when the file changes, errors that name the file and the expression. */
class MappingRegistryTest {

    @TempDir
    Path dir;

    @Test
    void aMappingRunsAndAChangedFileIsCompiledAgain() throws Exception {
        Path file = dir.resolve("m.jsonata");
        Files.writeString(file, "{\"v\": a * 2}");
        MappingRegistry registry = new MappingRegistry(dir, TestRecords.JSON);

        assertThat(registry.map("m.jsonata", json("{\"a\":21}")).path("v").asInt()).isEqualTo(42);

        Files.writeString(file, "{\"v\": a * 3}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(registry.map("m.jsonata", json("{\"a\":21}")).path("v").asInt()).isEqualTo(63);
    }

    /**
     * Guards the work-around in MappingRegistry for dashjoin JSONata's growing environment (without it, 5,000
     * evaluations of a mapping with variable bindings took about a minute). Asserted on the state that made it
     * slow, not on time: the library leaves a new environment after an evaluation with bindings, the pooled
     * expression puts the compiled one back every time.
     */
    @Test
    void aMappingWithVariablesKeepsItsCompiledEnvironment() throws Exception {
        String withBindings = "($x := a; $y := $x * 2; {\"v\": $y})";
        com.dashjoin.jsonata.Jsonata raw = com.dashjoin.jsonata.Jsonata.jsonata(withBindings);
        Object before = MappingRegistry.Pooled.read(raw);
        raw.evaluate(java.util.Map.of("a", 1));
        assertThat(MappingRegistry.Pooled.read(raw)).as("the library's own behaviour, which the reset answers")
                .isNotSameAs(before);

        MappingRegistry.Pooled pooled = new MappingRegistry.Pooled(com.dashjoin.jsonata.Jsonata.jsonata(withBindings));
        for (int i = 0; i < 100; i++) {
            pooled.evaluate(java.util.Map.of("a", i));
            assertThat(pooled.environmentIsAsCompiled()).as("after evaluation %d", i).isTrue();
        }

        MappingRegistry registry = new MappingRegistry(AdapterSamples.MAPPINGS, TestRecords.JSON);
        JsonNode input = TestRecords.JSON.readTree(AdapterSamples.ADAPTERS.resolve("wisla-vpn/samples/two-tunnels.input.json").toFile());
        for (int i = 0; i < 1_000; i++) {
            assertThat(registry.map("wisla-vpn.jsonata", input)).hasSize(10);
        }
    }

    @Test
    void aSyntaxErrorNamesTheFileAndQuotesTheExpression() throws Exception {
        Files.writeString(dir.resolve("broken.jsonata"), "{\"serviceId\": device, \"value\": (rtt + }");

        MappingException e = catchThrowableOfType(MappingException.class,
                () -> new MappingRegistry(dir, TestRecords.JSON).check("broken.jsonata"));

        assertThat(e.compileError()).isTrue();
        assertThat(e.getMessage()).contains("broken.jsonata").contains("position").contains("(rtt +");
    }

    @Test
    void anErrorOnOneInputIsNotACompileErrorAndNamesTheFile() throws Exception {
        Files.writeString(dir.resolve("n.jsonata"), "{\"v\": $number(a)}");

        MappingException e = catchThrowableOfType(MappingException.class,
                () -> new MappingRegistry(dir, TestRecords.JSON).map("n.jsonata", json("{\"a\":\"eleven\"}")));

        assertThat(e.compileError()).isFalse();
        assertThat(e.getMessage()).contains("n.jsonata");
    }

    @Test
    void aMissingMappingAndAPathOutsideTheFolderAreRefused() {
        MappingRegistry registry = new MappingRegistry(dir, TestRecords.JSON);

        assertThat(catchThrowableOfType(MappingException.class, () -> registry.check("none.jsonata")).getMessage())
                .contains("none.jsonata").contains("not found");
        assertThat(catchThrowableOfType(MappingException.class, () -> registry.check("../etc/passwd"))).isNotNull();
    }

    private static JsonNode json(String text) throws Exception {
        return TestRecords.JSON.readTree(text);
    }
}
