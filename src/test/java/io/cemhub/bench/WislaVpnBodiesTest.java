package io.cemhub.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.cemhub.adapter.MappingRegistry;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wisla-vpn load mode counts on the adapter's own mapping: an export the generator sends becomes five
 * measurements whose ids map back to the records the generator expects, and nothing else maps into a phase.
 */
class WislaVpnBodiesTest {

    @Test
    void theAdaptersMappingMakesFiveRecordsWhoseIdsMapBackToTheirNumbers() throws Exception {
        MappingRegistry mappings = new MappingRegistry(java.nio.file.Path.of("mappings"), TestRecords.JSON);
        WislaVpnBodies bodies = new WislaVpnBodies("mabc", 1000);

        JsonNode records = mappings.map("wisla-vpn.jsonata", TestRecords.JSON.readTree(bodies.body(1234)));

        assertThat(records).hasSize(WislaVpnBodies.RECORDS_PER_MESSAGE);
        List<Integer> numbers = new ArrayList<>();
        for (JsonNode r : records) {
            assertThat(r.path("serviceId").asText()).isEqualTo("BENCH-234");
            WislaVpnBodies.Parsed parsed = WislaVpnBodies.parse(r.path("id").asText());
            assertThat(parsed).as(r.path("id").asText()).isNotNull();
            assertThat(parsed.prefix()).isEqualTo("mabc");
            numbers.add(parsed.record());
        }
        assertThat(numbers).containsExactlyInAnyOrder(6170, 6171, 6172, 6173, 6174);
    }

    @Test
    void idsOfOtherShapesBelongToNoPhase() {
        assertThat(WislaVpnBodies.parse("PRB-07/2026-11-23T09:55:00Z/TUN-0001/vpn.mos")).isNull();
        assertThat(WislaVpnBodies.parse("mabc-12")).isNull();
        assertThat(WislaVpnBodies.parse("/2026-11-23T09:55:00Z/T/vpn.loss")).isNull();
        assertThat(WislaVpnBodies.parse("PRB-x7/2026-11-23T09:55:00Z/TUN-0001/vpn.loss")).isNull();
    }
}
