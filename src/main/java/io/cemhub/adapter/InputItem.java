package io.cemhub.adapter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One unit of a source's input that is mapped, judged and, if bad, quarantined on its own: a JSON
 * document or array element, or a CSV line.
 *
 * @param index   position in the input (0-based), as reported to REST callers
 * @param line    the CSV line number (1 = the header), or 0 for JSON
 * @param value   the parsed input, or null when it could not be parsed
 * @param payload the item's original bytes (a CSV line travels with its header line, so it can be replayed)
 * @param error   why it could not be parsed, or null
 */
public record InputItem(int index, int line, JsonNode value, byte[] payload, String error) {

    public String label() {
        return line > 0 ? "line " + line : "item " + index;
    }
}
