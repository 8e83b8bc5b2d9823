package io.cemhub.experience;

import io.cemhub.kpi.KpiCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class SlaContractsTest {

    private static KpiCatalogue kpis() throws IOException {
        try (var in = new FileInputStream("config/kpis.yaml")) {
            return KpiCatalogue.load(in, "config/kpis.yaml");
        }
    }

    private static SlaContracts shipped() throws IOException {
        return SlaContracts.load(new FileInputStream("config/sla.yaml"), "config/sla.yaml", new MockEnvironment(), kpis());
    }

    @Test
    void targetsComeFromTheTierThenTheServiceThenTheCustomer() throws IOException {
        SlaContracts sla = shipped();
        Map<String, SlaContracts.Target> gold = sla.targets("gold", "C-X", Map.of());
        assertThat(gold.get("vpn.availability").value()).isEqualTo(99.9);
        assertThat(gold.get("vpn.availability").higherIsBetter()).isTrue();
        assertThat(gold.get("vpn.rtt.avg").higherIsBetter()).as("from the catalogue: lower is better").isFalse();
        assertThat(gold.get("vpn.rtt.avg").met(30)).isTrue();
        assertThat(gold.get("vpn.rtt.avg").met(30.1)).isFalse();

        Map<String, SlaContracts.Target> line = sla.targets("silver", "C-X", Map.of("downloadMbps", 300.0, "availabilityPct", 99.95));
        assertThat(line.get("speedtest.download.mbps").value()).isCloseTo(240, within(1e-9));
        assertThat(line.get("vpn.availability").value()).isEqualTo(99.95);

        assertThat(sla.targets("gold", "DEMO-C001", Map.of()).get("vpn.rtt.avg").value()).isEqualTo(20);
        assertThat(sla.targets("no-such-tier", "C-X", Map.of()).get("vpn.availability").value())
                .as("the default tier (bronze)").isEqualTo(99.0);
        assertThat(sla.monthly()).containsExactly("vpn.availability");
    }

    @Test
    void theCreditRuleIsCappedAndShortfallIsRelative() throws IOException {
        SlaContracts sla = shipped();
        SlaContracts.Target availability = sla.targets("gold", "C-X", Map.of()).get("vpn.availability");
        double shortfall = availability.shortfallPercent(98.9);
        assertThat(shortfall).isCloseTo(1.001, within(0.001));
        assertThat(sla.credit("gold").amount(shortfall)).isEqualTo(150.05);
        assertThat(sla.credit("gold").amount(1000)).isEqualTo(1000);
        assertThat(availability.shortfallPercent(99.95)).isZero();
    }

    @Test
    void unknownKpisAndIncompleteTiersAreRefused() throws IOException {
        String yaml = "tiers:\n  gold:\n    targets: {vpn.mood: 1}\n  silver:\n    targets: {vpn.loss: 1}\n";
        assertThatThrownBy(() -> SlaContracts.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test",
                new MockEnvironment(), kpis())).hasMessageContaining("vpn.mood").hasMessageContaining("no credit rule");
    }
}
