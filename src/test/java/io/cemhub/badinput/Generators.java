package io.cemhub.badinput;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cemhub.support.TestRecords;

import java.nio.charset.StandardCharsets;

/**
 * Inputs too big or too regular to write out in a manifest ({@code generator: {name: ..., ...}}):
 * {@code repeat} (prefix + text x times + suffix), {@code deep-array} / {@code deep-object} (depth),
 * {@code batch} (count copies of a base), {@code fill-array} (a base whose field holds count copies of item), {@code long-field} (a base's field set to length characters),
 * {@code big-number} (a base's field set to a number literal of digits digits), {@code many-fields}
 * (count unknown fields on a base), {@code padded} (a JSON object of about bytes bytes),
 * {@code deep-xml} (a SOAP body nested depth deep). SNMP datagrams come from {@link SnmpPackets}.
 */
final class Generators {

    private Generators() {
    }

    static byte[] generate(Corpus corpus, JsonNode g, String marker) {
        String name = g.path("name").asText();
        int n = g.path("count").asInt(g.path("depth").asInt(g.path("length").asInt(g.path("bytes").asInt(
                g.path("times").asInt(g.path("digits").asInt(0))))));
        return switch (name) {
            case "repeat" -> (Inputs.fill(g.path("prefix").asText(""), marker) + g.path("text").asText().repeat(n)
                    + Inputs.fill(g.path("suffix").asText(""), marker)).getBytes(StandardCharsets.UTF_8);
            case "deep-array" -> ("[".repeat(n) + "]".repeat(n)).getBytes(StandardCharsets.UTF_8);
            case "deep-object" -> ("{\"a\":".repeat(n) + "1" + "}".repeat(n)).getBytes(StandardCharsets.UTF_8);
            case "batch" -> {
                ArrayNode array = TestRecords.JSON.createArrayNode();
                JsonNode doc = base(corpus, g, marker);
                for (int i = 0; i < n; i++) {
                    array.add(doc);
                }
                yield Inputs.json(array);
            }
            case "fill-array" -> {
                ObjectNode doc = (ObjectNode) base(corpus, g, marker);
                JsonNode item = Inputs.fillAll(corpus.bases().path(g.path("item").asText()).deepCopy(), marker);
                ArrayNode array = doc.putArray(g.path("field").asText());
                for (int i = 0; i < n; i++) {
                    array.add(item);
                }
                yield Inputs.json(doc);
            }
            case "long-field" -> {
                ObjectNode doc = (ObjectNode) base(corpus, g, marker);
                doc.put(g.path("field").asText(), g.path("char").asText("x").repeat(n));
                yield Inputs.json(doc);
            }
            case "big-number" -> {
                String doc = new String(Inputs.json(base(corpus, g, marker)), StandardCharsets.UTF_8);
                String field = "\"" + g.path("field").asText() + "\":";
                int at = doc.indexOf(field) + field.length();
                int end = at;
                while (end < doc.length() && doc.charAt(end) != ',' && doc.charAt(end) != '}') {
                    end++;
                }
                yield (doc.substring(0, at) + "9".repeat(n) + doc.substring(end)).getBytes(StandardCharsets.UTF_8);
            }
            case "many-fields" -> {
                ObjectNode doc = (ObjectNode) base(corpus, g, marker);
                for (int i = 0; i < n; i++) {
                    doc.put("unknown" + i, i);
                }
                yield Inputs.json(doc);
            }
            case "padded" -> ("{\"marker\":\"" + marker + "\",\"pad\":\"" + "x".repeat(n) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            case "deep-xml" -> ("<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                    + "xmlns:crm=\"urn:cemhub:crm:v1\"><soapenv:Body><crm:CustomerUpdated>"
                    + "<crm:x>".repeat(n) + "</crm:x>".repeat(n)
                    + "</crm:CustomerUpdated></soapenv:Body></soapenv:Envelope>").getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalStateException("unknown generator " + name);
        };
    }

    private static JsonNode base(Corpus corpus, JsonNode g, String marker) {
        JsonNode base = corpus.bases().path(g.path("base").asText());
        if (base.isMissingNode()) {
            throw new IllegalStateException("no base " + g.path("base").asText());
        }
        return Inputs.fillAll(base.deepCopy(), marker);
    }
}
