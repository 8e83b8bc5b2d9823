package io.cemhub.adapter;

import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** JSON and CSV input as adapters see it: items, line numbers, per-line errors, whole-input refusals. */
class InputParsersTest {

    private final InputParsers parsers = new InputParsers(TestRecords.JSON);

    @Test
    void csvLinesBecomeItemsWithTheirLineNumbersQuotingAndBadLinesMarked() {
        String csv = "a,b,c\n1,\"x, \"\"y\"\"\",3\n\n4,5\n7,,9\n";

        List<InputItem> items = parsers.parse("csv", csv.getBytes(StandardCharsets.UTF_8), ",");

        assertThat(items).hasSize(3);
        assertThat(items.get(0).line()).isEqualTo(2);
        assertThat(items.get(0).value().path("b").asText()).isEqualTo("x, \"y\"");
        assertThat(items.get(1).line()).isEqualTo(4);
        assertThat(items.get(1).error()).contains("line 4").contains("2 fields");
        assertThat(new String(items.get(1).payload(), StandardCharsets.UTF_8)).isEqualTo("a,b,c\n4,5\n");
        assertThat(items.get(2).value().has("b")).as("an empty value is left out").isFalse();
    }

    @Test
    void aJsonArrayIsOneItemPerElementAndAnObjectIsOneItem() {
        assertThat(parsers.parse("json", "[{\"a\":1},{\"a\":2}]".getBytes(StandardCharsets.UTF_8), ",")).hasSize(2);
        assertThat(parsers.parse("json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), ",")).hasSize(1);
    }

    @Test
    void unreadableInputIsRefusedAsAWhole() {
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("json", "<x/>".getBytes(StandardCharsets.UTF_8), ",")).getMessage()).contains("not JSON");
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("json", "[]".getBytes(StandardCharsets.UTF_8), ","))).isNotNull();
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("csv", "a,b\n".getBytes(StandardCharsets.UTF_8), ","))).isNotNull();
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("csv", new byte[0], ","))).isNotNull();
    }

    @Test
    void headerLessCsvTakesItsColumnsFromTheAdapterAndCountsLinesFromOne() {
        InputOptions columns = new InputOptions(",", InputOptions.columns("a, b ,c"), Map.of());
        String csv = "\n1,2,3\n4,5\n";

        List<InputItem> items = parsers.parse("csv", csv.getBytes(StandardCharsets.UTF_8), columns);

        assertThat(items).hasSize(2);
        assertThat(items.get(0).line()).isEqualTo(2);
        assertThat(items.get(0).value().path("b").asText()).isEqualTo("2");
        assertThat(items.get(1).error()).contains("line 3").contains("2 fields, the adapter's columns name 3");
        assertThat(new String(items.get(1).payload(), StandardCharsets.UTF_8))
                .as("a header-less line is kept alone: replay reads it with the same columns").isEqualTo("4,5\n");
    }

    @Test
    void quotedFieldsFollowRfc4180() {
        assertThat(CsvLines.fields("\"\"\"Alice\"\" <1000>\",\"a,b\",,\"\",plain , \" padded \"", ','))
                .containsExactly("\"Alice\" <1000>", "a,b", "", "", "plain", " padded ");
        assertThat(CsvLines.fields("\"x\"\"\"", ',')).containsExactly("x\"");
        assertThat(CsvLines.fields("a\t\"b\tc\"", '\t')).containsExactly("a", "b\tc");
        assertThat(CsvLines.fields("", ',')).containsExactly("");
        assertThat(CsvLines.fields("a,", ',')).containsExactly("a", "");
    }

    @Test
    void csvThatBreaksRfc4180IsRefusedLineByLineNamingTheField() {
        String csv = "a,b\n1,\"open\n\"\"Alice\" <1000>\",2\n3,x\"y\n5,6\n";

        List<InputItem> items = parsers.parse("csv", csv.getBytes(StandardCharsets.UTF_8), ",");

        assertThat(items).hasSize(4);
        assertThat(items.get(0).error()).contains("line 2").contains("field 2").contains("not closed");
        assertThat(items.get(1).error()).contains("line 3").contains("field 1").contains("after the closing quote");
        assertThat(items.get(2).error()).contains("line 4").contains("field 2").contains("quote inside an unquoted field");
        assertThat(items.get(3).error()).isNull();
    }

    @Test
    void aCsvLineThatIsNoUtf8IsAnItemWithAnErrorKeptByteForByteAndTheOtherLinesFlow() {
        byte[] latin1 = "a,b\n1,Soci\u00e9t\u00e9\n2,ok\n".getBytes(StandardCharsets.ISO_8859_1);

        List<InputItem> items = parsers.parse("csv", latin1, ",");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).error()).contains("line 2").contains("not UTF-8").contains("0xE9").contains("byte 7");
        assertThat(items.get(0).payload()).isEqualTo("a,b\n1,Soci\u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(items.get(1).error()).isNull();
        assertThat(items.get(1).value().path("b").asText()).isEqualTo("ok");
        // a multi-byte character cut at the end of the input
        byte[] cut = {'a', '\n', 'x', (byte) 0xe2, (byte) 0x82};
        assertThat(parsers.parse("csv", cut, new InputOptions(",", List.of("a"), Map.of())).get(1).error())
                .contains("not UTF-8");
    }

    @Test
    void csvInUtf16OrWithAHeaderThatIsNoUtf8OrNamesAColumnTwiceIsRefusedAsAWhole() {
        byte[] utf16le = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] utf16bom = "a,b\n1,2\n".getBytes(StandardCharsets.UTF_16);
        byte[] badHeader = {'a', (byte) 0xff, ',', 'b', '\n', '1', ',', '2', '\n'};

        assertThat(catchThrowableOfType(InputRejectedException.class, () -> parsers.parse("csv", utf16le, ",")))
                .hasMessageContaining("NUL bytes");
        assertThat(catchThrowableOfType(InputRejectedException.class, () -> parsers.parse("csv", utf16bom, ",")))
                .hasMessageContaining("UTF-16");
        assertThat(catchThrowableOfType(InputRejectedException.class, () -> parsers.parse("csv", badHeader, ",")))
                .hasMessageContaining("header").hasMessageContaining("not UTF-8");
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("csv", "a,b,a\n1,2,3\n".getBytes(StandardCharsets.UTF_8), ",")))
                .hasMessageContaining("twice: a");
    }

    @Test
    void aUtf8ByteOrderMarkAndCrlfLineEndsAreRead() {
        byte[] csv = "\ufeffa,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8);

        List<InputItem> items = parsers.parse("csv", csv, ",");

        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.value().path("a").asText()).isEqualTo("1");
            assertThat(i.value().path("b").asText()).isEqualTo("2");
            assertThat(i.payload()).isEqualTo("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        });
    }

    @Test
    void unquotedFieldsLoseTheirBlanksButKeepControlCharactersForTheRecordChecksToRefuse() {
        assertThat(CsvLines.fields(" a\u0001 ,\tb\t,\u0007c", ',')).containsExactly("a\u0001", "b", "\u0007c");
    }
}
