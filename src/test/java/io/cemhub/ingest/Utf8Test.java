package io.cemhub.ingest;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Strict UTF-8: what Jackson and new String(bytes, UTF_8) let through is refused, naming the byte. */
class Utf8Test {

    static int at(String hex) {
        return Utf8.firstInvalid(HexFormat.of().parseHex(hex));
    }

    @Test
    void wellFormedUtf8OfEveryLengthPasses() {
        byte[] text = "a é € 𝄞 \u007f\u0080\uffff".getBytes(StandardCharsets.UTF_8);
        assertThat(Utf8.firstInvalid(text)).isEqualTo(-1);
        assertThat(Utf8.decode(text)).isEqualTo("a é € 𝄞 \u007f\u0080\uffff");
        assertThat(at("f48fbfbf")).as("U+10FFFF").isEqualTo(-1);
        assertThat(at("")).isEqualTo(-1);
    }

    @Test
    void latin1OverlongFormsSurrogatesCutSequencesAndCodePointsBeyondUnicodeAreRefused() {
        assertThat(at("61e9")).as("Latin-1 é").isEqualTo(1);
        assertThat(at("61c0af")).as("overlong '/'").isEqualTo(1);
        assertThat(at("c1bf")).as("overlong 2-byte").isZero();
        assertThat(at("e080af")).as("overlong 3-byte").isZero();
        assertThat(at("f08080af")).as("overlong 4-byte").isZero();
        assertThat(at("eda080")).as("encoded surrogate").isZero();
        assertThat(at("f4908080")).as("beyond U+10FFFF").isZero();
        assertThat(at("f5808080")).isZero();
        assertThat(at("6162e282")).as("cut at the end").isEqualTo(2);
        assertThat(at("e2284161")).as("a continuation byte missing").isZero();
        assertThat(at("80")).as("a lone continuation byte").isZero();
        assertThat(at("ff")).isZero();
        assertThatThrownBy(() -> Utf8.decode(HexFormat.of().parseHex("536f6369e974e9")))
                .hasMessageContaining("byte 0xE9 at byte 5");
    }

    @Test
    void jsonMustBeUtf8WithoutNulBytes() {
        assertThat(Utf8.jsonProblem("{\"a\":\"é\"}".getBytes(StandardCharsets.UTF_8))).isNull();
        assertThat(Utf8.jsonProblem("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE))).contains("NUL").contains("UTF-16");
        assertThat(Utf8.jsonProblem("{\"a\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1))).contains("not UTF-8");
    }
}
