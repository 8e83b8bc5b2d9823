package io.cemhub.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cemhub.experience.ActivityStore;
import io.cemhub.experience.ExperienceProperties;
import io.cemhub.experience.ExperienceStore;
import io.cemhub.experience.Granularity;
import io.cemhub.experience.Rollup;
import io.cemhub.experience.RollupStore;
import io.cemhub.experience.SlaContracts;
import io.cemhub.kpi.KpiCatalogue;
import io.cemhub.support.MigratedDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.env.MockEnvironment;

import java.io.FileInputStream;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The report SQL and figures on every supported database, over known rollups, alarms, tickets and index
 * values: customer RC1 (gold: rtt at most 30, availability at least 99.9) with services RS1 and RS2, and
 * RC2 whose rows must never show up in RC1's report.
 */
abstract class ReportStoreContract {

    static final LocalDate DAY = LocalDate.parse("2026-11-10");
    static final Instant NOW = Instant.parse("2026-11-20T00:00:00Z");

    JdbcTemplate jdbc;
    ReportStore store;
    ReportService reports;
    ReportBuilder builder;
    private MigratedDatabase database;

    protected abstract MigratedDatabase database();

    @BeforeEach
    void wire() throws IOException {
        database = database();
        jdbc = new JdbcTemplate(database.dataSource());
        store = new ReportStore(jdbc);
        KpiCatalogue kpis;
        try (var in = new FileInputStream("config/kpis.yaml")) {
            kpis = KpiCatalogue.load(in, "config/kpis.yaml");
        }
        SlaContracts contracts = SlaContracts.load(new FileInputStream("config/sla.yaml"), "config/sla.yaml",
                new MockEnvironment(), kpis);
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        builder = new ReportBuilder(jdbc, new RollupStore(jdbc, 1_000), contracts, new ActivityStore(jdbc, mapper),
                new ExperienceStore(jdbc), store, new ExperienceProperties(), clock);
        reports = new ReportService(builder, store, new ReportProperties(), mapper, clock);
        seed();
    }

    @AfterEach
    void closeDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    private void seed() {
        customer("RC1", "gold", "RS1", "RS2");
        customer("RC2", "gold", "RS3");
        RollupStore rollups = new RollupStore(jdbc, 1_000);
        // RS1 rtt: hour 10 holds 1..40 (avg 20.5, complies), hour 11 holds 41..100 (avg 70.5, does not)
        add(rollups, "RS1", "RC1", "vpn.rtt.avg", at("2026-11-10T10:00:00Z"), IntStream.rangeClosed(1, 40).asDoubleStream().toArray());
        add(rollups, "RS1", "RC1", "vpn.rtt.avg", at("2026-11-10T11:00:00Z"), IntStream.rangeClosed(41, 100).asDoubleStream().toArray());
        // the day before: in the week's report, not in the day's
        add(rollups, "RS1", "RC1", "vpn.rtt.avg", at("2026-11-09T23:00:00Z"), 500);
        // RS2 availability: 100, 100, 99 -> 2 of 3 hours at least 99.9
        add(rollups, "RS2", "RC1", "vpn.availability", at("2026-11-10T10:00:00Z"), 100);
        add(rollups, "RS2", "RC1", "vpn.availability", at("2026-11-10T11:00:00Z"), 100);
        add(rollups, "RS2", "RC1", "vpn.availability", at("2026-11-10T12:00:00Z"), 99);
        add(rollups, "RS3", "RC2", "vpn.rtt.avg", at("2026-11-10T10:00:00Z"), 999);

        // alarms: RS1 raised 10:00 cleared 10:30 (30 min); RS2 raised the day before, cleared 01:00 (60 min in the
        // day, not raised in it); RS1 raised 23:00 and still open (60 min up to the day's end); RC2's never counts
        alarm("A1", "RS1", "RC1", "2026-11-10T10:00:00Z", "2026-11-10T10:30:00Z");
        alarm("A2", "RS2", "RC1", "2026-11-09T23:00:00Z", "2026-11-10T01:00:00Z");
        alarm("A3", "RS1", "RC1", "2026-11-10T23:00:00Z", null);
        alarm("A4", "RS3", "RC2", "2026-11-10T10:00:00Z", null);
        interaction("T1", "troubleTicket", "RC1", "RS1", "2026-11-10T12:00:00Z", "{}");
        interaction("T2", "troubleTicket", "RC1", null, "2026-11-10T13:00:00Z", "{}");
        interaction("T3", "troubleTicket", "RC1", "RS1", "2026-11-11T13:00:00Z", "{}");
        interaction("T4", "troubleTicket", "RC2", "RS3", "2026-11-10T13:00:00Z", "{}");
        interaction("P1", "payment", "RC1", null, "2026-11-10T08:00:00Z", "{\"kind\":\"paymentOverdue\"}");
        experienceDay("RC1", "2026-11-09T00:00:00Z", 81, "ideal");
        experienceDay("RC1", "2026-11-10T00:00:00Z", 72.5, "average");
    }

    @Test
    void aDayReportHasTheFiguresOfItsRollupsAlarmsAndTickets() {
        ReportData r = builder.build(customerSubject("RC1"), ReportPeriod.DAY, DAY);

        assertThat(r.from()).isEqualTo(at("2026-11-10T00:00:00Z"));
        assertThat(r.to()).isEqualTo(at("2026-11-11T00:00:00Z"));
        assertThat(r.summary().compliancePct()).as("3 of 5 contracted KPI-hours").isEqualTo(60.0);
        assertThat(r.summary().alarms()).isEqualTo(2);
        assertThat(r.summary().alarmMinutes()).isEqualTo(150.0);
        assertThat(r.summary().tickets()).isEqualTo(2);
        assertThat(r.summary().paymentTrouble()).isEqualTo(1);
        assertThat(r.summary().experienceLast()).isEqualTo(72.5);
        assertThat(r.summary().band()).isEqualTo("average");

        assertThat(r.services()).extracting(ReportData.ServiceSection::serviceId).containsExactly("RS1", "RS2");
        ReportData.ServiceSection rs1 = r.services().get(0);
        assertThat(rs1.compliancePct()).isEqualTo(50.0);
        assertThat(rs1.alarms()).isEqualTo(2);
        assertThat(rs1.alarmMinutes()).isEqualTo(90.0);
        assertThat(rs1.tickets()).isEqualTo(1);
        ReportData.Kpi rtt = kpi(rs1, "vpn.rtt.avg");
        assertThat(rtt.total().count()).isEqualTo(100);
        assertThat(rtt.total().min()).isEqualTo(1);
        assertThat(rtt.total().avg()).isEqualTo(50.5);
        assertThat(rtt.total().max()).isEqualTo(100);
        assertThat(rtt.total().p95()).isCloseTo(95, within(95 * 0.05));
        assertThat(rtt.target()).isEqualTo(30);
        assertThat(rtt.objective()).isEqualTo("at most");
        assertThat(rtt.hours()).isEqualTo(2);
        assertThat(rtt.compliantHours()).isEqualTo(1);
        assertThat(rtt.series()).as("hour buckets").hasSize(2);
        assertThat(kpi(rs1, "vpn.availability").total().count()).as("contracted, not measured").isZero();

        ReportData.ServiceSection rs2 = r.services().get(1);
        assertThat(rs2.compliancePct()).isEqualTo(66.67);
        assertThat(rs2.alarms()).isZero();
        assertThat(rs2.alarmMinutes()).isEqualTo(60.0);
        assertThat(kpi(rs2, "vpn.availability").total().min()).isEqualTo(99);

        assertThat(r.customerKpis()).extracting(ReportData.Kpi::metric).containsExactly("vpn.availability", "vpn.rtt.avg");
        assertThat(r.experience()).hasSize(1);
    }

    @Test
    void aWeekReportReadsDaysAndAServiceReportOnlyItsService() {
        ReportData week = builder.build(customerSubject("RC1"), ReportPeriod.WEEK, DAY.minusDays(1));
        ReportData.Kpi rtt = kpi(week.services().get(0), "vpn.rtt.avg");
        assertThat(rtt.total().count()).isEqualTo(101);
        assertThat(rtt.total().max()).isEqualTo(500);
        assertThat(rtt.series()).as("day buckets").hasSize(2);
        assertThat(week.summary().tickets()).isEqualTo(3);
        assertThat(week.experience()).extracting(ExperienceStore.Day::score).containsExactly(81.0, 72.5);

        ReportData service = builder.build(new ReportBuilder.Subject("service", "RS2", "RC1"), ReportPeriod.DAY, DAY);
        assertThat(service.services()).extracting(ReportData.ServiceSection::serviceId).containsExactly("RS2");
        assertThat(service.summary().compliancePct()).isEqualTo(66.67);
        assertThat(service.summary().alarms()).isZero();
        assertThat(service.summary().alarmMinutes()).isEqualTo(60.0);
        assertThat(service.summary().tickets()).isZero();
        assertThat(service.customerKpis()).isEmpty();
    }

    @Test
    void reportsAreStoredListedReplacedAndExpired() {
        ReportStore.Meta day = reports.generate(customerSubject("RC1"), ReportPeriod.DAY, DAY, ReportService.DEMAND, "analyst");
        ReportStore.Meta again = reports.generate(customerSubject("RC1"), ReportPeriod.DAY, DAY, ReportService.SCHEDULE, null);
        assertThat(again.id()).isEqualTo(day.id());
        reports.generate(customerSubject("RC1"), ReportPeriod.MONTH, DAY, ReportService.DEMAND, "analyst");
        reports.generate(customerSubject("RC2"), ReportPeriod.DAY, DAY, ReportService.DEMAND, "analyst");

        var rc1 = store.list(new ReportStore.Filter("RC1", null, null, null, null), 0, 100);
        assertThat(rc1).extracting(ReportStore.Meta::period).containsExactlyInAnyOrder("day", "month");
        assertThat(store.list(new ReportStore.Filter("RC1", null, "day", null, null), 0, 100)).hasSize(1)
                .first().satisfies(m -> assertThat(m.trigger()).isEqualTo("schedule"));
        assertThat(store.list(new ReportStore.Filter(null, null, "day", null, null), 0, 100)).hasSize(2);
        assertThat(store.list(new ReportStore.Filter(null, null, null, at("2026-11-10T00:00:00Z"), null), 0, 100))
                .as("the month began before").hasSize(2);

        String csv = store.content(day.id(), "csv").orElseThrow();
        assertThat(csv).startsWith(ReportCsv.HEADER + "\r\n");
        assertThat(csv).contains("\r\nsummary,,,2026-11-10T00:00:00Z,,,,,,,,,,60,2,150,2,1,72.5,average\r\n");
        assertThat(csv).contains("\r\nkpi,RS1,vpn.rtt.avg,2026-11-10T00:00:00Z,100,1,50.5,100,");
        assertThat(csv).doesNotContain("RS3");
        String html = store.content(day.id(), "html").orElseThrow();
        assertThat(html).contains("<svg").contains("vpn.rtt.avg").doesNotContain("<script");

        assertThat(store.deleteBefore(at("2026-11-05T00:00:00Z"))).as("the month's report").isEqualTo(1);
        assertThat(store.find(day.id())).isPresent();
    }

    @Test
    void aScheduledRunReportsTheLastEndedPeriodOfEveryCustomer() {
        assertThat(reports.generateScheduled(ReportPeriod.DAY, at("2026-11-11T00:15:00Z"))).isEqualTo(2);
        assertThat(store.list(new ReportStore.Filter(null, null, "day", null, null), 0, 100))
                .extracting(ReportStore.Meta::from).containsOnly(at("2026-11-10T00:00:00Z"));
        assertThat(reports.generateScheduled(ReportPeriod.MONTH, at("2026-12-01T00:45:00Z"))).isEqualTo(2);
        assertThat(store.list(new ReportStore.Filter("RC2", null, "month", null, null), 0, 100))
                .extracting(ReportStore.Meta::from).containsExactly(at("2026-11-01T00:00:00Z"));
    }

    private static ReportBuilder.Subject customerSubject(String id) {
        return new ReportBuilder.Subject("customer", id, id);
    }

    private static ReportData.Kpi kpi(ReportData.ServiceSection s, String metric) {
        return s.kpis().stream().filter(k -> k.metric().equals(metric)).findFirst().orElseThrow();
    }

    private static Instant at(String text) {
        return Instant.parse(text);
    }

    private void customer(String id, String tier, String... services) {
        Timestamp now = Timestamp.from(NOW);
        jdbc.update("insert into customer (id, name, segment, sla_tier, status, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)",
                id, "Customer " + id, "business", tier, "active", now, now);
        for (String s : services) {
            jdbc.update("insert into service (id, customer_id, service_type, created_at, updated_at) values (?, ?, ?, ?, ?)",
                    s, id, "vpn", now, now);
        }
    }

    private static void add(RollupStore rollups, String service, String customer, String metric, Instant hour, double... values) {
        for (Granularity g : Granularity.values()) {
            Rollup r = new Rollup(g.bucket(hour));
            for (double v : values) {
                r.add(v);
            }
            RollupStore.Key key = new RollupStore.Key(service, metric, g.bucket(hour));
            rollups.add(g, Map.of(key, r), Map.of(key, customer));
        }
    }

    private void alarm(String id, String service, String customer, String raised, String cleared) {
        String json = cleared == null ? "{}" : "{\"alarmClearedTime\":\"" + cleared + "\"}";
        jdbc.update("insert into alarm (id, service_id, customer_id, metric, alarm_json, state, ack_state, perceived_severity,"
                + " raised_at, changed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, service, customer, "vpn.rtt.avg", json,
                cleared == null ? "raised" : "cleared", "unacknowledged", "major", Timestamp.from(at(raised)),
                Timestamp.from(at(cleared == null ? raised : cleared)));
    }

    private void interaction(String id, String type, String customer, String service, String at, String json) {
        jdbc.update("insert into interaction (source_system, id, interaction_type, customer_id, service_id, occurred_at,"
                + " interaction_json) values (?, ?, ?, ?, ?, ?, ?)", "crm", id, type, customer, service,
                Timestamp.from(at(at)), json);
    }

    private void experienceDay(String customer, String day, double score, String band) {
        jdbc.update("insert into customer_experience_day (customer_id, day_start, score, band) values (?, ?, ?, ?)",
                customer, Timestamp.from(at(day)), score, band);
    }
}
