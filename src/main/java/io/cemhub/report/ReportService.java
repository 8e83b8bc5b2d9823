package io.cemhub.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Generates reports (on a schedule, for every customer, or on demand for one customer or service), renders
 * them as CSV and HTML and stores both. A report's id derives from what it covers, so generating it again
 * replaces it under the same id.
 */
public class ReportService {

    public static final String SCHEDULE = "schedule";
    public static final String DEMAND = "demand";
    /** The demo profile's reports of the periods under way (DemoReports). */
    public static final String DEMO = "demo";
    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final ReportBuilder builder;
    private final ReportStore store;
    private final ReportProperties properties;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReportService(ReportBuilder builder, ReportStore store, ReportProperties properties, ObjectMapper mapper,
                         Clock clock) {
        this.builder = builder;
        this.store = store;
        this.properties = properties;
        this.mapper = mapper;
        this.clock = clock;
    }

    public static String id(ReportBuilder.Subject subject, ReportPeriod period, LocalDate start) {
        return UUID.nameUUIDFromBytes((subject.scope() + "|" + subject.id() + "|" + period.key() + "|" + start)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** @param start any day of the period: the report covers the whole period containing it */
    public ReportStore.Meta generate(ReportBuilder.Subject subject, ReportPeriod period, LocalDate start, String trigger,
                                     String requestedBy) {
        LocalDate first = period.startOf(start);
        ReportData data = builder.build(subject, period, first);
        ReportStore.Meta meta = new ReportStore.Meta(id(subject, period, first), subject.scope(), subject.id(),
                subject.customerId(), period.key(), data.from(), data.to(), data.generatedAt(), trigger, requestedBy,
                json(data.summary()));
        store.save(meta, ReportCsv.render(data), ReportHtml.render(data));
        LOG.info("report {}: {} {} {} from {} ({}{})", meta.id(), period.key(), subject.scope(), subject.id(), first, trigger,
                requestedBy == null ? "" : " by " + requestedBy);
        return meta;
    }

    /**
     * The reports of the last period that had ended at {@code firedAt}, one per customer; a customer whose
     * report fails is logged and skipped, the others are made. Reports older than the retention are deleted.
     * @return how many were made
     */
    public int generateScheduled(ReportPeriod period, Instant firedAt) {
        LocalDate start = period.lastCompleted(firedAt);
        int made = generateAll(period, start, SCHEDULE);
        int deleted = store.deleteBefore(clock.instant().minus(properties.getRetention()));
        LOG.info("reports: {} {} report(s) from {} made by the schedule, {} past the retention deleted", made, period.key(),
                start, deleted);
        return made;
    }

    /** The report of every customer for the period containing {@code start}; one that fails is logged and skipped. */
    public int generateAll(ReportPeriod period, LocalDate start, String trigger) {
        int made = 0;
        for (String customerId : store.customerIds()) {
            try {
                generate(new ReportBuilder.Subject(ReportBuilder.Subject.CUSTOMER, customerId, customerId), period, start,
                        trigger, null);
                made++;
            } catch (RuntimeException e) {
                LOG.warn("report: the {} report of customer {} from {} failed: {}", period.key(), customerId, start,
                        e.toString());
            }
        }
        return made;
    }

    private String json(ReportData.Summary summary) {
        try {
            return mapper.writeValueAsString(summary);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
