package io.cemhub.process;

import io.cemhub.model.Alarm;
import io.cemhub.model.CemJson;
import io.cemhub.support.MigratedDatabase;
import io.cemhub.threshold.AlarmFilter;
import io.cemhub.threshold.AlarmStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The vip-ticket SQL (due alarms, alarm_ticket) and the alarm's ticket reference, on every supported database. */
abstract class VipTicketStoreContract {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    static final Instant OLD = NOW.minus(Duration.ofMinutes(20));
    static final List<String> CRITICAL = List.of("critical");
    static final List<String> VIP = List.of("vip");

    JdbcTemplate jdbc;
    VipTicketStore store;
    AlarmStore alarms;
    private MigratedDatabase database;

    protected abstract MigratedDatabase database();

    @BeforeEach
    void wire() {
        database = database();
        jdbc = new JdbcTemplate(database.dataSource());
        store = new VipTicketStore(jdbc);
        alarms = new AlarmStore(jdbc, CemJson.newMapper());
        customer("C-VIP", "VIP", "silver");
        customer("C-BIZ", "business", "gold");
        service("S-VIP", "C-VIP");
        service("S-BIZ", "C-BIZ");
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    void customer(String id, String segment, String tier) {
        jdbc.update("insert into customer (id, name, segment, sla_tier, status, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'active', ?, ?)", id, id, segment, tier, Timestamp.from(NOW), Timestamp.from(NOW));
    }

    void service(String id, String customer) {
        jdbc.update("insert into service (id, customer_id, service_type, created_at, updated_at) values (?, ?, 'vpn', ?, ?)",
                id, customer, Timestamp.from(NOW), Timestamp.from(NOW));
    }

    Alarm alarm(String id, String service, String customer, String severity, String state, Instant raised) {
        Alarm alarm = new Alarm(id, "qualityOfServiceAlarm", severity, "thresholdCrossed", "vpn.jitter >= 50", state,
                "unacknowledged", service, "Service", raised, raised, null, null, service, List.of(), "r", 1, null, null,
                List.of(), false, false);
        alarms.insert(alarm, "vpn.jitter", customer);
        return alarm;
    }

    List<String> due(List<String> severities, List<String> segments, List<String> tiers, int limit) {
        return store.due(NOW.minus(Duration.ofMinutes(15)), severities, segments, tiers, limit).stream()
                .map(VipTicketStore.Due::alarmId).toList();
    }

    @Test
    void activeCriticalAlarmsOfVipCustomersOlderThanNWithoutTicketAreDueOldestFirst() {
        alarm("A-2", "S-VIP", "C-VIP", "critical", "updated", OLD.plusSeconds(60));
        alarm("A-1", "S-VIP", "C-VIP", "critical", "raised", OLD);
        alarm("A-young", "S-VIP", "C-VIP", "critical", "raised", NOW.minus(Duration.ofMinutes(5)));
        alarm("A-major", "S-VIP", "C-VIP", "major", "raised", OLD);
        alarm("A-cleared", "S-VIP", "C-VIP", "cleared", "cleared", OLD);
        alarm("A-biz", "S-BIZ", "C-BIZ", "critical", "raised", OLD);
        // a service the registry does not know: the customer the alarm was raised for decides
        alarm("A-unknown-service", "S-GONE", "C-VIP", "critical", "raised", OLD.plusSeconds(120));

        assertThat(due(CRITICAL, VIP, List.of(), 10)).containsExactly("A-1", "A-2", "A-unknown-service");
        assertThat(due(CRITICAL, VIP, List.of(), 1)).containsExactly("A-1");
        assertThat(due(List.of("critical", "major"), VIP, List.of(), 10)).contains("A-major");
        assertThat(due(CRITICAL, List.of(), List.of("gold"), 10)).containsExactly("A-biz");
        assertThat(due(CRITICAL, VIP, List.of("gold"), 10)).containsExactly("A-1", "A-biz", "A-2", "A-unknown-service");
        assertThat(due(CRITICAL, List.of(), List.of(), 10)).isEmpty();
        VipTicketStore.Due first = store.due(NOW.minus(Duration.ofMinutes(15)), CRITICAL, VIP, List.of(), 1).get(0);
        assertThat(first).isEqualTo(new VipTicketStore.Due("A-1", "S-VIP", "C-VIP", "VIP", "silver", "critical", OLD));
    }

    @Test
    void oneTicketPerAlarmAndTheAlarmShowsIt() {
        alarm("A-1", "S-VIP", "C-VIP", "critical", "raised", OLD);
        assertThat(alarms.find("A-1").orElseThrow().troubleTicket()).isNull();

        assertThat(store.record("A-1", "TT-1", NOW)).isTrue();
        assertThat(store.record("A-1", "TT-2", NOW)).isFalse();
        assertThat(store.record("A-nothing", "TT-3", NOW)).isFalse();
        assertThat(due(CRITICAL, VIP, List.of(), 10)).isEmpty();

        Alarm.TroubleTicketRef ticket = alarms.find("A-1").orElseThrow().troubleTicket();
        assertThat(ticket).isEqualTo(new Alarm.TroubleTicketRef("TT-1", NOW, "TroubleTicket"));
        assertThat(alarms.list(AlarmFilter.none(), 0, 10)).singleElement()
                .satisfies(a -> assertThat(a.troubleTicket()).isEqualTo(ticket));
        assertThat(alarms.list(new AlarmFilter("raised", "critical", "S-VIP", "C-VIP", "unacknowledged", OLD, NOW), 0, 10))
                .hasSize(1);
        // the JSON as stored carries no ticket until the process writes it; the row lock read gives the JSON
        assertThat(alarms.findForUpdate("A-1").orElseThrow().troubleTicket()).isNull();
    }
}
