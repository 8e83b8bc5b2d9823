package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cemhub.support.TestRecords;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns a case's input fields into the bytes sent: {@code input} (text; {@code charset} to encode it
 * otherwise than UTF-8), {@code inputEscaped} (text whose {@code \xHH} are raw bytes), {@code inputHex},
 * {@code base} with {@code set}/{@code remove} (a good document made bad), or {@code generator}.
 * In text and in a base's strings, {@code ${marker}} is the case's own marker (so that its quarantine entry
 * can be found), {@code ${yesterday}} an instant a day ago, {@code ${now}} the current one.
 */
public final class Inputs {

    private Inputs() {
    }

    public static byte[] of(Corpus corpus, Corpus.Case c, String marker) {
        JsonNode spec = c.spec();
        if (spec.has("input")) {
            Charset charset = Charset.forName(spec.path("charset").asText("UTF-8"));
            return fill(spec.path("input").asText(), marker).getBytes(charset);
        }
        if (spec.has("inputEscaped")) {
            return escaped(fill(spec.path("inputEscaped").asText(), marker));
        }
        if (spec.has("inputHex")) {
            return HexFormat.of().parseHex(spec.path("inputHex").asText().replaceAll("\\s", ""));
        }
        if (spec.has("generator")) {
            return Generators.generate(corpus, spec.path("generator"), marker);
        }
        if (spec.has("base")) {
            return json(document(corpus, spec, marker));
        }
        return new byte[0]; // an empty input is a case of its own
    }

    /** The base document with the case's changes: {@code set} (dotted paths), {@code remove}, {@code wrap}. */
    static JsonNode document(Corpus corpus, JsonNode spec, String marker) {
        JsonNode base = corpus.bases().path(spec.path("base").asText());
        if (base.isMissingNode()) {
            throw new IllegalStateException("no base " + spec.path("base").asText());
        }
        JsonNode doc = fillAll(base.deepCopy(), marker);
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode value = e.getValue().isTextual() ? TextNode.valueOf(fill(e.getValue().asText(), marker))
                    : e.getValue();
            parentOf(doc, e.getKey()).set(last(e.getKey()), value);
        }
        for (JsonNode path : spec.path("remove")) {
            parentOf(doc, path.asText()).remove(last(path.asText()));
        }
        if ("array".equals(spec.path("wrap").asText())) {
            ArrayNode array = TestRecords.JSON.createArrayNode();
            array.add(doc);
            return array;
        }
        return doc;
    }

    private static ObjectNode parentOf(JsonNode doc, String dotted) {
        JsonNode node = doc;
        String[] parts = dotted.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            node = parts[i].matches("\\d+") ? node.path(Integer.parseInt(parts[i])) : node.path(parts[i]);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("no object at " + dotted);
        }
        return object;
    }

    private static String last(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    static JsonNode fillAll(JsonNode node, String marker) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> object.set(e.getKey(), fillAll(e.getValue(), marker)));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, fillAll(array.get(i), marker));
            }
        } else if (node.isTextual()) {
            return TextNode.valueOf(fill(node.asText(), marker));
        }
        return node;
    }

    public static String fill(String text, String marker) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return text.replace("${marker}", marker).replace("${yesterday}", now.minus(1, ChronoUnit.DAYS).toString())
                .replace("${now}", now.toString());
    }

    static byte[] json(JsonNode doc) {
        try {
            return TestRecords.JSON.writeValueAsBytes(doc);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Text whose {@code \xHH} sequences are single raw bytes; everything else UTF-8. */
    static byte[] escaped(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                out.write(Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 4;
            } else {
                int cp = text.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toByteArray();
    }
}
