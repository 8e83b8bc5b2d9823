package io.cemhub.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.identity.RegistryService;
import io.cemhub.model.Service;
import io.cemhub.report.ReportBuilder;
import io.cemhub.report.ReportPeriod;
import io.cemhub.report.ReportService;
import io.cemhub.report.ReportStore;
import io.cemhub.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Periodic reports: listed, downloaded as CSV or HTML, generated on demand (docs/experience.md#reports). */
@RestController
@Tag(name = "Experience", description = "KPI history, SLA compliance, experience index, reports")
public class ReportController {

    private static final String BASE = "/api/v1/reports";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final ReportService reports;
    private final ReportStore store;
    private final RegistryService registry;
    private final ObjectMapper mapper;
    private final Clock clock;

    public ReportController(ReportService reports, ReportStore store, RegistryService registry, ObjectMapper mapper, Clock clock) {
        this.reports = reports;
        this.store = store;
        this.registry = registry;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** A report as listed: what it covers, when it was made, its summary and where its renderings are. */
    public record ReportView(String id, String scope, String subjectId, String customerId, String period, Instant from,
                             Instant to, Instant generatedAt, boolean complete, String trigger, String requestedBy,
                             JsonNode summary, Map<String, String> links) {
    }

    /** What to report on: a customer or one service (exactly one of them), the period, a day in it. */
    public record ReportRequest(String customerId, String serviceId, String period, String start) {
    }

    @GetMapping(BASE)
    @Operation(summary = "Stored reports, newest period first. A CUSTOMER sees its own customer's reports only (another"
            + " customerId answers 404)")
    public ResponseEntity<List<ReportView>> list(
            @Parameter(description = "reports of this customer (its own and its services')") @RequestParam(required = false) String customerId,
            @Parameter(description = "service reports of this service") @RequestParam(required = false) String serviceId,
            @Parameter(description = "day, week or month") @RequestParam(required = false) String period,
            @Parameter(description = "ISO date: periods starting on or after it") @RequestParam(required = false) String from,
            @Parameter(description = "ISO date: periods starting before it") @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int offset, @RequestParam(defaultValue = "100") int limit,
            Authentication who) {
        String customer = customerId;
        if (Callers.customerOnly(who)) {
            String own = Callers.customerId(who).orElse("");
            if (customer != null && !customer.equals(own)) {
                throw new NotFoundException("no customer " + customer);
            }
            customer = own;
        }
        String p = period == null || period.isBlank() ? null : periodOf(period).key();
        ReportStore.Filter filter = new ReportStore.Filter(customer, serviceId, p, startOf(day("from", from)), startOf(day("to", to)));
        return ResponseEntity.ok(store.list(filter, Paging.offset(offset), Paging.limit(limit)).stream().map(this::view).toList());
    }

    @GetMapping(BASE + "/{id}")
    @Operation(summary = "A report's metadata and summary (compliance %, alarms, alarm minutes, tickets, experience index)")
    public ReportView one(@PathVariable String id, Authentication who) {
        return view(visible(id, who));
    }

    @GetMapping(value = BASE + "/{id}.csv", produces = "text/csv")
    @Operation(summary = "A report as CSV: one line per record (summary, service, kpi, customer_kpi, series, experience)")
    public ResponseEntity<String> csv(@PathVariable String id, Authentication who) {
        return content(visible(id, who), "csv", CSV, ContentDisposition.attachment());
    }

    @GetMapping(value = BASE + "/{id}.html", produces = "text/html")
    @Operation(summary = "A report as a self-contained HTML page with charts (inline SVG, no script)")
    public ResponseEntity<String> html(@PathVariable String id, Authentication who) {
        return content(visible(id, who), "html", HTML, ContentDisposition.inline());
    }

    @PostMapping(BASE)
    @Operation(summary = "Generate (or make again) the report of a customer or one service for the day, week or month"
            + " containing `start` (an ISO date; default: the last period that has ended). ADMIN, ANALYST")
    public ResponseEntity<ReportView> generate(@RequestBody ReportRequest request, Authentication who) {
        if ((request.customerId() == null) == (request.serviceId() == null)) {
            throw new InvalidParameterException("name either customerId or serviceId");
        }
        ReportPeriod period = periodOf(request.period());
        LocalDate start = request.start() == null ? period.lastCompleted(clock.instant()) : day("start", request.start());
        if (period.startOf(start).isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw new InvalidParameterException("the " + period.key() + " of " + start + " has not begun");
        }
        ReportBuilder.Subject subject;
        if (request.customerId() != null) {
            registry.customer(request.customerId()).orElseThrow(() -> new NotFoundException("no customer " + request.customerId()));
            subject = new ReportBuilder.Subject(ReportBuilder.Subject.CUSTOMER, request.customerId(), request.customerId());
        } else {
            Service s = registry.service(request.serviceId())
                    .orElseThrow(() -> new NotFoundException("no service " + request.serviceId()));
            if (s.customerId() == null) {
                throw new InvalidParameterException("service " + s.id() + " belongs to no customer");
            }
            subject = new ReportBuilder.Subject(ReportBuilder.Subject.SERVICE, s.id(), s.customerId());
        }
        ReportStore.Meta meta = reports.generate(subject, period, start, ReportService.DEMAND, who == null ? null : who.getName());
        return ResponseEntity.created(URI.create(BASE + "/" + meta.id())).body(view(meta));
    }

    /** A CUSTOMER learns nothing of other customers' reports: they answer 404 like unknown ones. */
    private ReportStore.Meta visible(String id, Authentication who) {
        ReportStore.Meta meta = store.find(id).orElseThrow(() -> new NotFoundException("no report " + id));
        if (Callers.customerOnly(who) && !Callers.customerId(who).map(meta.customerId()::equals).orElse(false)) {
            throw new NotFoundException("no report " + id);
        }
        return meta;
    }

    private ResponseEntity<String> content(ReportStore.Meta meta, String format, MediaType type,
                                           ContentDisposition.Builder disposition) {
        String body = store.content(meta.id(), format).orElseThrow(() -> new NotFoundException("no report " + meta.id()));
        String file = "report-" + meta.subjectId() + "-" + meta.period() + "-"
                + LocalDate.ofInstant(meta.from(), ZoneOffset.UTC) + "." + format;
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.filename(file, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }

    private ReportView view(ReportStore.Meta m) {
        String self = BASE + "/" + m.id();
        return new ReportView(m.id(), m.scope(), m.subjectId(), m.customerId(), m.period(), m.from(), m.to(), m.generatedAt(),
                !m.generatedAt().isBefore(m.to()), m.trigger(), m.requestedBy(), summary(m.summaryJson()),
                Map.of("self", self, "csv", self + ".csv", "html", self + ".html"));
    }

    private JsonNode summary(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ReportPeriod periodOf(String text) {
        return KpiHistoryController.checked(() -> ReportPeriod.parse(text));
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : ReportPeriod.instant(day);
    }

    private static LocalDate day(String name, String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException(name + " is no ISO-8601 date (yyyy-mm-dd): " + text);
        }
    }
}
