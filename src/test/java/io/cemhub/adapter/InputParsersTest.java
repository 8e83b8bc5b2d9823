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
}
