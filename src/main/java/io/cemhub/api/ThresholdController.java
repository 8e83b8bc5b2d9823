package io.cemhub.api;

import io.cemhub.identity.RegistryConflictException;
import io.cemhub.threshold.Backtest;
import io.cemhub.threshold.RuleService;
import io.cemhub.threshold.RuleStore;
import io.cemhub.threshold.ThresholdRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

/** Threshold rules, changed while the hub runs: versioned, audited, effective from the next measurement. */
@RestController
@RequestMapping("/api/v1/thresholds")
@Tag(name = "Thresholds", description = "Rules evaluated inline for every measurement")
public class ThresholdController {

    private final RuleService rules;
    private final Backtest backtest;

    public ThresholdController(RuleService rules, Backtest backtest) {
        this.rules = rules;
        this.backtest = backtest;
    }

    @GetMapping
    public List<ThresholdRule> list() {
        return rules.all();
    }

    @GetMapping("/{id}")
    public ThresholdRule get(@PathVariable String id) {
        return rules.find(id).orElseThrow(() -> new NotFoundException("no threshold rule " + id));
    }

    @PostMapping
    @Operation(summary = "Create a rule; 409 when the id exists (PUT replaces)")
    public ResponseEntity<ThresholdRule> create(@RequestBody ThresholdRule rule, Principal who) {
        if (rule.id() != null && rules.find(rule.id()).isPresent()) {
            throw new RegistryConflictException("threshold rule " + rule.id() + " exists already: PUT replaces it");
        }
        ThresholdRule saved = rules.save(rule, actor(who));
        return ResponseEntity.created(URI.create("/api/v1/thresholds/" + saved.id())).body(saved);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Create or replace a rule; each change is a new version, audited")
    public ThresholdRule put(@PathVariable String id, @RequestBody ThresholdRule rule, Principal who) {
        if (rule.id() != null && !rule.id().equals(id)) {
            throw new InvalidBodyException("the body's id '" + rule.id() + "' differs from the URL's '" + id + "'",
                    List.of());
        }
        return rules.save(new ThresholdRule(id, null, rule.metric(), rule.scope(), rule.direction(), rule.levels(),
                rule.debounceSamples(), rule.debounceSeconds(), rule.activeWindows(), rule.enabled(),
                rule.description(), rule.noDataSeconds()), actor(who));
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id, Principal who) {
        if (!rules.delete(id, actor(who))) {
            throw new NotFoundException("no threshold rule " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/audit")
    @Operation(summary = "Who changed the rule, when, from what to what")
    public List<RuleStore.AuditEntry> audit(@PathVariable String id) {
        return rules.audit(id);
    }

    @PostMapping("/backtest")
    @Operation(summary = "What a proposed rule would have raised and cleared over stored measurements, beside the current rule")
    public BacktestAnswer backtest(@RequestBody BacktestRequest request) {
        if (request.rule() == null || request.from() == null || request.to() == null || !request.from().isBefore(request.to())) {
            throw new InvalidBodyException("a backtest needs rule, from and to (from before to)", List.of());
        }
        ThresholdRule proposed = request.rule().withVersion(0);
        Backtest.Result current = request.rule().id() == null ? null : rules.find(request.rule().id())
                .map(r -> backtest.run(r, request.from(), request.to(), request.serviceId())).orElse(null);
        return new BacktestAnswer(backtest.run(proposed, request.from(), request.to(), request.serviceId()), current);
    }

    private static String actor(Principal who) {
        return who == null ? "anonymous" : who.getName();
    }

    /** A backtest: the proposed rule, the time range, optionally one service. */
    public record BacktestRequest(ThresholdRule rule, Instant from, Instant to, String serviceId) {
    }

    /** The proposed rule's counts, and the current rule's (same id) when there is one. */
    public record BacktestAnswer(Backtest.Result proposed, Backtest.Result current) {
    }
}
