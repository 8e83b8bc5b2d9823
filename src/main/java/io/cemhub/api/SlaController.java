package io.cemhub.api;

import io.cemhub.sla.MonthlyBudget;
import io.cemhub.sla.SlaBudgetWarnings;
import io.cemhub.sla.SlaMonthEnd;
import io.cemhub.sla.SlaStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Monthly SLA budgets on demand (ADMIN): the early-warning and month-end passes, and the breaches credited. */
@RestController
@Tag(name = "Experience", description = "KPI history, SLA compliance, experience index, reports")
public class SlaController {

    private final SlaBudgetWarnings warnings;
    private final SlaMonthEnd monthEnd;
    private final SlaStore store;
    private final Clock clock;

    public SlaController(SlaBudgetWarnings warnings, SlaMonthEnd monthEnd, SlaStore store, Clock clock) {
        this.warnings = warnings;
        this.monthEnd = monthEnd;
        this.store = store;
        this.clock = clock;
    }

    @PostMapping("/api/v1/sla/early-warning")
    @Operation(summary = "Run the early-warning pass now (it also runs every cem.sla.warning.check): the running month's"
            + " budgets projected from the data before `at` (default now, never later); each service, KPI and month is"
            + " warned about once")
    public SlaBudgetWarnings.Result earlyWarning(@RequestParam(required = false) String at) {
        Instant now = clock.instant();
        Instant when = KpiHistoryController.instant("at", at);
        if (when != null && when.isAfter(now)) {
            throw new InvalidParameterException("at must not lie in the future");
        }
        return warnings.run(when == null ? now : when);
    }

    @PostMapping("/api/v1/sla/month-end")
    @Operation(summary = "Close a month now (default: the previous one): breaches get SlaBreachEvent and a compensation"
            + " credit to billing, never twice for the same service, KPI and month")
    public SlaMonthEnd.Result closeMonth(@RequestParam(required = false) String month) {
        Instant now = clock.instant();
        YearMonth m = month == null ? YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1) : month(month);
        if (!now.isAfter(MonthlyBudget.end(m))) {
            throw new InvalidParameterException("month " + m + " has not ended yet");
        }
        return monthEnd.close(m, now);
    }

    @GetMapping("/api/v1/sla/breaches")
    @Operation(summary = "Breaches credited, of one month (YYYY-MM) or all")
    public List<SlaStore.Breach> breaches(@RequestParam(required = false) String month) {
        return store.breaches(month == null ? null : MonthlyBudget.start(month(month)));
    }

    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("month must be YYYY-MM, not " + text);
        }
    }
}
