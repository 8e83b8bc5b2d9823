package io.cemhub.identity;

import io.cemhub.model.CemJson;
import io.cemhub.model.CustomerInteraction;
import io.cemhub.model.SourceRef;
import io.cemhub.overview.InteractionStore;
import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The SQL of the identity hold and the interaction store (V5) on every supported database. */
abstract class HoldAndInteractionStoreContract {

    static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");

    HeldRecordStore held;
    InteractionStore interactions;
    private MigratedDatabase database;

    /** A migrated, empty database of the kind under test. */
    protected abstract MigratedDatabase database();

    @BeforeEach
    void wire() {
        database = database();
        JdbcTemplate jdbc = new JdbcTemplate(database.dataSource());
        held = new HeldRecordStore(jdbc);
        interactions = new InteractionStore(jdbc, CemJson.newMapper());
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (database != null) { // null when the database is not configured and the test was skipped
            database.close();
        }
    }

    static HeldRecordStore.Held held(HeldKey key, String id, Instant at) {
        return new HeldRecordStore.Held(key, id, key.ref(), "{\"records\":[]}", at);
    }

    @Test
    void heldRecordsAreKeptOnceListedByWaitingIdOldestFirstAndDeleted() {
        HeldKey tunnel = new HeldKey("wisla-vpn", HeldKey.Kind.SERVICE, "TUN-1");
        HeldKey account = new HeldKey("billing", HeldKey.Kind.CUSTOMER, "ACC-1");
        held.hold(List.of(held(tunnel, "r1", T0), held(tunnel, "r2", T0.plusSeconds(1))));
        held.hold(List.of(held(account, "p1", T0.plusSeconds(2)), held(tunnel, "r1", T0)));

        assertThat(held.count()).as("r1 held twice is kept once").isEqualTo(3);
        List<HeldRecordStore.Waiting> waiting = held.waiting(10);
        assertThat(waiting).extracting(HeldRecordStore.Waiting::key).containsExactly(tunnel, account);
        assertThat(waiting.get(0).records()).isEqualTo(2);
        assertThat(waiting.get(0).since()).isEqualTo(T0);
        assertThat(held.countBySystem()).isEqualTo(Map.of("billing", 1L, "wisla-vpn", 2L));
        List<HeldRecordStore.Row> rows = held.records(tunnel, 10);
        assertThat(rows).extracting(HeldRecordStore.Row::heldAt).containsExactly(T0, T0.plusSeconds(1));
        assertThat(held.records(tunnel, 1)).hasSize(1);

        held.delete(rows);
        assertThat(held.waiting(10)).extracting(HeldRecordStore.Waiting::key).containsExactly(account);
    }

    @Test
    void interactionsAreStoredOnceUnderTheirCustomerNewestFirst() {
        CustomerInteraction older = ticket("t-1", T0);
        CustomerInteraction newer = ticket("t-2", T0.plusSeconds(60));
        interactions.insert(List.of(new InteractionStore.Stored(older, "C-1"), new InteractionStore.Stored(newer, "C-1")));
        interactions.insert(List.of(new InteractionStore.Stored(older, "C-1")));

        assertThat(interactions.recent("C-1", 10)).containsExactly(newer, older);
        assertThat(interactions.recent("C-1", 1)).containsExactly(newer);
        assertThat(interactions.recent("C-2", 10)).isEmpty();
    }

    static CustomerInteraction ticket(String id, Instant at) {
        return new CustomerInteraction(id, CustomerInteraction.TROUBLE_TICKET, new SourceRef("crm", "crm-soap"), "C-1",
                null, at, at, new CustomerInteraction.TroubleTicket(id, "complaint", "minor", "acknowledged", "phone", at,
                null), null, null);
    }
}
