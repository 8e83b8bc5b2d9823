package io.cemhub.kpi;

import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KpiCatalogueTest {

    @Test
    void shippedCatalogueHoldsTheMetricsTheAdaptersProduce() {
        KpiCatalogue catalogue = TestRecords.catalogue();
        assertThat(catalogue.find("vpn.rtt.avg")).get().extracting(Kpi::unit).isEqualTo("ms");
        assertThat(catalogue.find("speedtest.download.mbps")).get().matches(Kpi::higherIsBetter);
        assertThat(catalogue.find("vpn.loss")).get().matches(k -> !k.higherIsBetter());
        assertThat(catalogue.find("no.such.metric")).isEmpty();
        assertThat(catalogue.find(null)).isEmpty();
    }

    @Test
    void refusesAnEntryWithoutDirection() {
        assertThatThrownBy(() -> new KpiCatalogue(List.of(new Kpi("a", "ms", "sideways", ""))))
                .hasMessageContaining("'better' must be higher or lower");
    }

    @Test
    void refusesADuplicateName() {
        assertThatThrownBy(() -> new KpiCatalogue(List.of(new Kpi("a", "ms", "lower", ""), new Kpi("a", "s", "lower", ""))))
                .hasMessageContaining("declared twice");
    }

    @Test
    void namesTheFileWhenItIsEmpty() {
        var yaml = new ByteArrayInputStream("kpis: []".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> KpiCatalogue.load(yaml, "my-kpis.yaml")).hasMessageContaining("my-kpis.yaml");
    }
}
