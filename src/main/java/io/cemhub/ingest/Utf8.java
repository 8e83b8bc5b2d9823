package io.cemhub.ingest;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, the encoding of every text entry (JSON, CSV). Jackson reads JSON leniently: it takes an
 * overlong form ({@code C0 AF} for "/") as the character, and detects UTF-16 and UTF-32 by their NUL bytes;
 * {@code new String(bytes, UTF_8)} turns any bad byte into U+FFFD. Here bytes that are no UTF-8 are an
 * error naming the first bad byte and where it is, so the input is refused (and kept as it came) instead of
 * flowing on changed. Checked without decoding, so it costs one pass over the bytes.
 */
public final class Utf8 {

    private Utf8() {
    }

    /** The index of the first byte that is not part of well-formed UTF-8 (RFC 3629), or -1. */
    public static int firstInvalid(byte[] bytes) {
        int n = bytes.length;
        int i = 0;
        while (i < n) {
            int c = bytes[i] & 0xff;
            if (c < 0x80) {
                i++;
                continue;
            }
            int more = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
            if (more < 0 || i + more >= n) {
                return i;
            }
            for (int k = 1; k <= more; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    return i;
                }
            }
            int second = bytes[i + 1] & 0xff;
            if (c == 0xe0 && second < 0xa0 // overlong 3-byte form
                    || c == 0xed && second >= 0xa0 // a surrogate (U+D800..U+DFFF)
                    || c == 0xf0 && second < 0x90 // overlong 4-byte form
                    || c == 0xf4 && second >= 0x90) { // beyond U+10FFFF
                return i;
            }
            i += more + 1;
        }
        return -1;
    }

    /**
     * The text of UTF-8 bytes.
     *
     * @throws IllegalArgumentException naming the first bad byte and its position (1-based)
     */
    public static String decode(byte[] bytes) {
        String problem = problem(bytes);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** What is wrong with the bytes as UTF-8 ("not UTF-8: byte 0xE9 at byte 7 ..."), or null. */
    public static String problem(byte[] bytes) {
        int at = firstInvalid(bytes);
        return at < 0 ? null : String.format("not UTF-8: byte 0x%02X at byte %d (Latin-1 or another encoding? "
                + "the input must be UTF-8)", bytes[at] & 0xff, at + 1);
    }

    /**
     * What is wrong with the bytes as a JSON text in UTF-8 (RFC 8259 8.1), or null: not UTF-8, or NUL bytes,
     * which no UTF-8 JSON holds (a control character in a string must be escaped) and UTF-16/32 JSON does.
     */
    public static String jsonProblem(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return "a NUL byte at byte " + (i + 1) + " (UTF-16 or UTF-32? JSON must be UTF-8)";
            }
        }
        return problem(bytes);
    }
}
