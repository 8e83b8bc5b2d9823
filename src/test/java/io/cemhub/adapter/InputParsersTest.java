package io.cemhub.adapter;

import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

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
        assertThat(parsers.parse("json", "[{\"a\":1},{\"a\":2}]".getBytes(StandardCharsets.UTF_8), null)).hasSize(2);
        assertThat(parsers.parse("json", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), null)).hasSize(1);
    }

    @Test
    void unreadableInputIsRefusedAsAWhole() {
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("json", "<x/>".getBytes(StandardCharsets.UTF_8), null)).getMessage()).contains("not JSON");
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("json", "[]".getBytes(StandardCharsets.UTF_8), null))).isNotNull();
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("csv", "a,b\n".getBytes(StandardCharsets.UTF_8), ","))).isNotNull();
        assertThat(catchThrowableOfType(InputRejectedException.class,
                () -> parsers.parse("csv", new byte[0], ","))).isNotNull();
    }
}
