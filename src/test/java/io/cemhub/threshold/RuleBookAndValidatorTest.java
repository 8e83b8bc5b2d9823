package io.cemhub.threshold;

import io.cemhub.pipeline.EventContext;
import io.cemhub.support.TestRecords;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RuleBookAndValidatorTest {

    private static ThresholdRule rule(String id, Scope scope) {
        return new ThresholdRule(id, 1, "vpn.loss", scope, Direction.ABOVE, Map.of(Severity.MAJOR, new Level(2, 1)),
                1, 0, null, true, null);
    }

    private static final EventContext VIP_GOLD_VPN = new EventContext("resolved", "C-1", "Acme", "VIP", "gold", "vpn", Map.of());

    @Test
    void theMostSpecificScopeWins() {
        RuleBook book = new RuleBook(List.of(
                rule("global", Scope.global()),
                rule("type", new Scope(Scope.Type.SERVICE_TYPE, "vpn")),
                rule("segment", new Scope(Scope.Type.SEGMENT, "VIP")),
                rule("tier", new Scope(Scope.Type.SLA_TIER, "gold")),
                rule("service", new Scope(Scope.Type.SERVICE, "S-1")),
                rule("customer", new Scope(Scope.Type.CUSTOMER, "C-1"))));
        assertThat(book.find("vpn.loss", "S-1", VIP_GOLD_VPN).id()).isEqualTo("customer");
        assertThat(book.find("vpn.loss", "S-1", new EventContext("resolved", "C-2", null, "VIP", "gold", "vpn", Map.of())).id())
                .isEqualTo("service");
        assertThat(book.find("vpn.loss", "S-9", new EventContext("resolved", "C-2", null, "VIP", "gold", "vpn", Map.of())).id())
                .isEqualTo("tier");
        assertThat(book.find("vpn.loss", "S-9", new EventContext("resolved", "C-2", null, "VIP", "bronze", "vpn", Map.of())).id())
                .isEqualTo("segment");
        assertThat(book.find("vpn.loss", "S-9", new EventContext("resolved", "C-2", null, "residential", "bronze", "vpn", Map.of())).id())
                .isEqualTo("type");
        assertThat(book.find("vpn.loss", "S-9", EventContext.unresolved(null, null)).id()).isEqualTo("global");
        assertThat(book.find("vpn.jitter", "S-1", VIP_GOLD_VPN)).isNull();
    }

    @Test
    void disabledRulesAreIgnored() {
        ThresholdRule off = new ThresholdRule("off", 1, "vpn.loss", Scope.global(), Direction.ABOVE,
                Map.of(Severity.MAJOR, new Level(2, 1)), 1, 0, null, false, null);
        assertThat(new RuleBook(List.of(off)).find("vpn.loss", "S", VIP_GOLD_VPN)).isNull();
    }

    @Test
    void inconsistentRulesAreRefusedWithWhatToFix() {
        RuleValidator validator = new RuleValidator(TestRecords.catalogue());
        assertThat(validator.problems(rule("ok", Scope.global()))).isEmpty();

        ThresholdRule wrongSide = new ThresholdRule("x", null, "vpn.loss", Scope.global(), Direction.ABOVE,
                Map.of(Severity.MAJOR, new Level(2, 3)), 1, 0, null, true, null);
        assertThat(validator.problems(wrongSide)).singleElement().asString().contains("wrong side");

        ThresholdRule outOfOrder = new ThresholdRule("x", null, "vpn.loss", Scope.global(), Direction.ABOVE,
                Map.of(Severity.WARNING, new Level(5, 4), Severity.CRITICAL, new Level(3, 2)), 1, 0, null, true, null);
        assertThat(validator.problems(outOfOrder)).singleElement().asString().contains("out of order");

        ThresholdRule unknownMetric = new ThresholdRule("x", null, "vpn.mood", Scope.global(), Direction.ABOVE,
                Map.of(Severity.MAJOR, new Level(2, 1)), 1, 0, null, true, null);
        assertThat(validator.problems(unknownMetric)).singleElement().asString().contains("KPI catalogue");

        ThresholdRule noScopeValue = new ThresholdRule("x", null, "vpn.loss", new Scope(Scope.Type.SEGMENT, null),
                Direction.ABOVE, Map.of(Severity.MAJOR, new Level(2, 1)), 1, 0, null, true, null);
        assertThat(validator.problems(noScopeValue)).singleElement().asString().contains("scope.value");
    }
}
