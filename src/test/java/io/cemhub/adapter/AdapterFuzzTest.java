package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.ingest.IngestGateway;
import io.cemhub.ingest.IngestProperties;
import io.cemhub.ingest.Partitioner;
import io.cemhub.model.CemRecord;
import io.cemhub.model.SourceRef;
import io.cemhub.support.TestRecords;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzing of every Kamelet adapter's parse + mapping + validation (docs/bad-input.md), with jqwik: inputs
 * made from the golden samples ({@code adapters/<adapter>/samples/*.input.*} and {@code *.poison.*}) by
 * mutating bytes (flips, cuts, insertions, splices), JSON values (any node replaced by a value of another
 * type, odd text, extreme numbers) and CSV fields (quotes, delimiters, control characters, other
 * encodings). Whatever comes in, the adapter pipeline either maps it to canonical records that are valid
 * (and stay valid written out and read again), or refuses it with an {@link InputRejectedException} or
 * per-item failures naming a reason (what a JMS or file source turns into quarantine entries). Never any
 * other exception: that would roll a JMS message back until it lands in the dead-letter queue, or leave a
 * file in the inbox for ever. Bounded tries and fixed seeds, so the default build runs it in seconds and
 * the same way every time; {@code -Djqwik.tries.default} does not apply to them: change {@code TRIES} to
 * explore further.
 */
class AdapterFuzzTest {

    static final int TRIES = 400;
    private static final List<Sample> SAMPLES = samples();
    private static final Map<String, AdapterPipeline> PIPELINES = new ConcurrentHashMap<>();
    private static final IngestGateway GATEWAY = new IngestGateway(TestRecords.validator(), new Partitioner(16), null,
            new IngestProperties(), new SimpleMeterRegistry());

    /** A golden or poison sample of one adapter, read as its Kamelet reads it. */
    record Sample(String adapter, String format, byte[] bytes, InputOptions options, String name) {
        @Override
        public String toString() {
            return adapter + "/" + name;
        }
    }

    @Property(tries = TRIES, seed = "20261123", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void mutatedBytesAreMappedOrRefusedNeverCrash(@ForAll("byteMutations") Mutated input) {
        outcomeIsClear(input);
    }

    @Property(tries = TRIES, seed = "20261124", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void jsonWithAnyValueReplacedIsMappedOrRefusedNeverCrash(@ForAll("jsonMutations") Mutated input) {
        outcomeIsClear(input);
    }

    @Property(tries = TRIES, seed = "20261125", shrinking = net.jqwik.api.ShrinkingMode.BOUNDED)
    void csvWithAnyFieldReplacedIsMappedOrRefusedNeverCrash(@ForAll("csvMutations") Mutated input) {
        outcomeIsClear(input);
    }

    /** An input made from a sample, and how. */
    record Mutated(Sample sample, byte[] bytes, String how) {
        @Override
        public String toString() {
            return sample + " " + how + ": " + new String(bytes, StandardCharsets.UTF_8);
        }
    }

    static void outcomeIsClear(Mutated input) {
        Sample s = input.sample();
        AdapterResult result;
        try {
            result = pipeline(s.adapter()).process(s.adapter(), s.format(), input.bytes(), s.options());
        } catch (InputRejectedException e) {
            assertThat(e.getMessage()).as("the reason of a refusal").isNotBlank();
            return;
        } catch (MappingException e) {
            assertThat(e.compileError()).as("a mapping that no longer compiles: " + e.getMessage()).isFalse();
            assertThat(e.getMessage()).isNotBlank();
            return; // a batch mapping refusing the input as a whole: kept whole in quarantine
        }
        assertThat(result.items()).isPositive();
        for (ItemFailure failure : result.failures()) {
            assertThat(failure.reason()).as("the reason of a refused item").isNotBlank();
            assertThat(failure.item().payload()).as("a refused item keeps its bytes").isNotNull();
        }
        for (CemRecord record : result.records()) {
            stillValidWrittenOutAndReadAgain(s.adapter(), record);
        }
    }

    /** A record as the pipeline will carry it: written as JSON, read again, and valid again. */
    private static void stillValidWrittenOutAndReadAgain(String adapter, CemRecord record) {
        try {
            JsonNode again = TestRecords.JSON.readTree(TestRecords.JSON.writeValueAsBytes(record));
            assertThat(GATEWAY.validate(new SourceRef(adapter, adapter), again, true)).hasSize(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<Mutated> byteMutations() {
        Arbitrary<Sample> sample = Arbitraries.of(SAMPLES);
        return Combinators.combine(sample, Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 1 << 20),
                Arbitraries.bytes(), Arbitraries.of(SAMPLES)).as((s, kind, at, b, other) -> {
            byte[] in = s.bytes();
            int i = in.length == 0 ? 0 : at % in.length;
            return switch (kind) {
                case 0 -> new Mutated(s, Arrays.copyOf(in, i), "cut at " + i);
                case 1 -> {
                    byte[] out = in.clone();
                    out[i] = b;
                    yield new Mutated(s, out, "byte " + i + " set to " + b);
                }
                case 2 -> {
                    byte[] out = new byte[in.length + 1];
                    System.arraycopy(in, 0, out, 0, i);
                    out[i] = b;
                    System.arraycopy(in, i, out, i + 1, in.length - i);
                    yield new Mutated(s, out, "byte " + b + " inserted at " + i);
                }
                case 3 -> {
                    byte[] out = new byte[in.length - (in.length > 0 ? 1 : 0)];
                    System.arraycopy(in, 0, out, 0, i);
                    System.arraycopy(in, Math.min(in.length, i + 1), out, i, out.length - i);
                    yield new Mutated(s, out, "byte " + i + " removed");
                }
                case 4 -> {
                    byte[] tail = other.bytes();
                    int j = tail.length == 0 ? 0 : at % tail.length;
                    byte[] out = Arrays.copyOf(in, i + tail.length - j);
                    System.arraycopy(tail, j, out, i, tail.length - j);
                    yield new Mutated(s, out, "spliced with " + other + " at " + i + "/" + j);
                }
                case 5 -> new Mutated(s, new String(in, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16LE),
                        "as UTF-16LE");
                default -> {
                    byte[] out = Arrays.copyOf(in, in.length * 2);
                    System.arraycopy(in, 0, out, in.length, in.length);
                    yield new Mutated(s, out, "doubled");
                }
            };
        });
    }

    @Provide
    Arbitrary<Mutated> jsonMutations() {
        List<Sample> json = SAMPLES.stream().filter(s -> s.format().equals("json")).toList();
        return Combinators.combine(Arbitraries.of(json), Arbitraries.integers().between(0, 10_000), oddValues())
                .as((s, pick, value) -> {
                    JsonNode doc = read(s.bytes());
                    List<JsonNode[]> slots = new ArrayList<>();
                    slots(doc, slots);
                    if (slots.isEmpty()) {
                        return new Mutated(s, s.bytes(), "unchanged");
                    }
                    JsonNode[] slot = slots.get(pick % slots.size());
                    String how = replace(slot, value);
                    return new Mutated(s, bytes(doc), how + " -> " + value);
                });
    }

    @Provide
    Arbitrary<Mutated> csvMutations() {
        List<Sample> csv = SAMPLES.stream().filter(s -> s.format().equals("csv")).toList();
        Arbitrary<String> field = Arbitraries.oneOf(oddText(), Arbitraries.of("\"", "\"\"", ",", ";", "\t", "\"a,b\"",
                "\"unclosed", "x\"y", "", " ", "-1", "1e309", "NaN", "0x10", "2026-13-01 00:00:00", "2999-01-01T00:00:00Z",
                "9999999999999999999999", "\u0000", "\r", "é"));
        return Combinators.combine(Arbitraries.of(csv), Arbitraries.integers().between(0, 10_000), field,
                Arbitraries.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1)).as((s, pick, value, charset) -> {
                    String[] lines = new String(s.bytes(), StandardCharsets.UTF_8).split("\n", -1);
                    int line = pick % lines.length;
                    List<String> fields = new ArrayList<>(List.of(lines[line].split(",", -1)));
                    int column = (pick / lines.length) % fields.size();
                    fields.set(column, value);
                    lines[line] = String.join(",", fields);
                    return new Mutated(s, String.join("\n", lines).getBytes(charset),
                            "line " + (line + 1) + " field " + (column + 1) + " = " + value + " in " + charset);
                });
    }

    private static Arbitrary<JsonNode> oddValues() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return Arbitraries.oneOf(
                oddText().map(f::textNode),
                Arbitraries.of(f.nullNode(), f.booleanNode(true), f.numberNode(0), f.numberNode(-1),
                        f.numberNode(Long.MAX_VALUE), f.numberNode(Double.MAX_VALUE), f.numberNode(1e-320),
                        f.numberNode(new java.math.BigDecimal("1e400")), f.numberNode(new java.math.BigInteger("9".repeat(60))),
                        f.numberNode(49.99), f.arrayNode(), f.objectNode(), f.textNode(""), f.textNode("2999-01-01T00:00:00Z"),
                        f.textNode("1970-01-01T00:00:00Z"), f.textNode("2026-11-22T08:00:00"), f.textNode("NaN"),
                        f.arrayNode().add(1).add("x"), f.objectNode().put("a", 1)),
                Arbitraries.doubles().map(f::numberNode),
                Arbitraries.longs().map(f::numberNode));
    }

    private static Arbitrary<String> oddText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(5),
                Arbitraries.of("\ud800", "\udc00x", "a\r\nX-Injected: 1", "\u202e", "\ufeff", "x".repeat(300),
                        "' OR '1'='1", "${jndi:ldap://x}", "{{cem.data-dir}}", "$now()", "../../etc/passwd"));
    }

    /** Every value slot of a document: {parent, key-or-index as text node, old value}. */
    private static void slots(JsonNode node, List<JsonNode[]> slots) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                slots.add(new JsonNode[] {object, JsonNodeFactory.instance.textNode(name)});
                slots(object.get(name), slots);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new JsonNode[] {array, JsonNodeFactory.instance.numberNode(i)});
                slots(array.get(i), slots);
            }
        }
    }

    private static String replace(JsonNode[] slot, JsonNode value) {
        if (slot[0] instanceof ObjectNode object) {
            object.set(slot[1].asText(), value);
            return "field " + slot[1].asText();
        }
        ((ArrayNode) slot[0]).set(slot[1].asInt(), value);
        return "element " + slot[1].asInt();
    }

    private static JsonNode read(byte[] bytes) {
        try {
            return TestRecords.JSON.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] bytes(JsonNode doc) {
        try {
            return TestRecords.JSON.writeValueAsBytes(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AdapterPipeline pipeline(String adapter) {
        return PIPELINES.computeIfAbsent(adapter, a -> AdapterSamples.pipeline(AdapterSamples.MAPPINGS, a));
    }

    private static List<Sample> samples() {
        List<Sample> samples = new ArrayList<>();
        for (Path folder : AdapterSamples.adapterFolders(AdapterSamples.ADAPTERS)) {
            String adapter = folder.getFileName().toString();
            List<Path> files = new ArrayList<>(AdapterSamples.samples(folder, "input"));
            files.addAll(AdapterSamples.samples(folder, "poison"));
            for (Path file : files) {
                try {
                    samples.add(new Sample(adapter, AdapterSamples.formatOf(file), Files.readAllBytes(file),
                            AdapterSamples.options(adapter), file.getFileName().toString()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        assertThat(samples).as("golden samples under adapters/").isNotEmpty();
        return List.copyOf(samples);
    }
}
