package io.cemhub.sla;

import io.cemhub.experience.Granularity;
import io.cemhub.experience.Rollup;
import io.cemhub.experience.RollupStore;
import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SLA budget SQL (V14) on every supported database: hour averages, once-only warnings and breaches. */
abstract class SlaStoreContract {

    static final Instant OCTOBER = Instant.parse("2026-10-01T00:00:00Z");
    static final Instant NOVEMBER = Instant.parse("2026-11-01T00:00:00Z");

    private MigratedDatabase database;
    private SlaStore store;
    private RollupStore rollups;

    protected abstract MigratedDatabase database();

    @BeforeEach
    void wire() {
        database = database();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        store = new SlaStore(jdbc);
        rollups = new RollupStore(jdbc, 1_000);
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private void hour(String service, String metric, Instant start, double... values) {
        Rollup r = new Rollup(start);
        for (double v : values) {
            r.add(v);
        }
        RollupStore.Key key = new RollupStore.Key(service, metric, start);
        rollups.add(Granularity.HOUR, Map.of(key, r), Map.of(key, "C1"));
    }

    @Test
    void hourAveragesOfTheMonthlyKpisInTheMonthInTimeOrder() {
        hour("S1", "vpn.availability", OCTOBER.plusSeconds(3600), 99, 97);
        hour("S1", "vpn.availability", OCTOBER, 100);
        hour("S1", "vpn.loss", OCTOBER, 5);
        hour("S1", "vpn.availability", NOVEMBER, 50);
        hour("S2", "vpn.availability", OCTOBER.minusSeconds(3600), 50);
        Map<SlaStore.Key, List<MonthlyBudget.Hour>> hours = store.hours(List.of("vpn.availability"), OCTOBER, NOVEMBER);
        assertThat(hours).containsOnlyKeys(new SlaStore.Key("S1", "vpn.availability"));
        assertThat(hours.get(new SlaStore.Key("S1", "vpn.availability"))).containsExactly(
                new MonthlyBudget.Hour(OCTOBER, 100), new MonthlyBudget.Hour(OCTOBER.plusSeconds(3600), 98));
        assertThat(store.hours(List.of(), OCTOBER, NOVEMBER)).isEmpty();
    }

    @Test
    void aWarningAndABreachAreStoredOncePerServiceKpiAndMonth() {
        SlaStore.Key key = new SlaStore.Key("S1", "vpn.availability");
        store.warning(key, OCTOBER, "w-1", "C1", "{}", NOVEMBER);
        assertThatThrownBy(() -> store.warning(key, OCTOBER, "w-1", "C1", "{}", NOVEMBER))
                .isInstanceOf(DuplicateKeyException.class);
        store.warning(key, NOVEMBER, "w-2", "C1", "{}", NOVEMBER);
        assertThat(store.warned(OCTOBER)).containsExactly(key);

        SlaStore.Breach breach = new SlaStore.Breach("S1", "vpn.availability", OCTOBER, "credit-1", "event-1", "C1",
                "gold", 99.9, 99.0, 0.9009, 145.05, "EUR", NOVEMBER);
        store.breach(breach);
        assertThatThrownBy(() -> store.breach(breach)).isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> store.breach(new SlaStore.Breach("S2", "vpn.availability", OCTOBER, "credit-1", "event-2",
                "C1", "gold", 99.9, 99.0, 0.9009, 145.05, "EUR", NOVEMBER))).as("the credit id is unique")
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(store.breached(OCTOBER)).containsExactly(key);
        assertThat(store.breaches(OCTOBER)).containsExactly(breach);
        assertThat(store.breaches(null)).hasSize(1);
        assertThat(store.breaches(NOVEMBER)).isEmpty();

        assertThat(store.closed(OCTOBER)).isFalse();
        store.close(OCTOBER, NOVEMBER, 3, 1);
        store.close(OCTOBER, NOVEMBER.plusSeconds(60), 3, 2);
        assertThat(store.closed(OCTOBER)).isTrue();
        assertThat(store.closed(NOVEMBER)).isFalse();
    }
}
