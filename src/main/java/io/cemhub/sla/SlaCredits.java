package io.cemhub.sla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cemhub.experience.SlaContracts;
import io.cemhub.pipeline.PoisonMessageException;
import org.apache.camel.Exchange;

import java.io.IOException;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compensation credit message (adapters/billing/credits.md), and the check route sla-compensation applies
 * before it forwards one to billing: a message that is not a complete credit is poison (quarantine, with its
 * body), never forwarded.
 */
public class SlaCredits {

    public static final String TYPE = "SlaCompensationCredit";
    /** The header the route copies into Artemis' duplicate id (_AMQ_DUPL_ID). */
    public static final String CREDIT_ID = "creditId";

    private final ObjectMapper mapper;

    public SlaCredits(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    static Map<String, Object> message(SlaStore.Breach b, String month, String metric, SlaContracts.Target target,
                                       SlaContracts.Credit rule, int hours) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", TYPE);
        m.put("version", 1);
        m.put("creditId", b.creditId());
        m.put("breachEventId", b.eventId());
        m.put("customerId", b.customerId());
        m.put("serviceId", b.serviceId());
        m.put("metric", metric);
        m.put("month", month);
        m.put("slaTier", b.slaTier());
        m.put("target", b.target());
        m.put("objective", target.higherIsBetter() ? "at least" : "at most");
        m.put("monthAverage", b.monthAverage());
        m.put("hoursWithData", hours);
        m.put("shortfallPercent", b.shortfallPercent());
        m.put("rule", Map.of("base", rule.base(), "perPercent", rule.perPercent(), "max", rule.max()));
        m.put("amount", b.amount());
        m.put("currency", b.currency());
        m.put("createdAt", b.createdAt().toString());
        return m;
    }

    /** Route step: checks the body and sets the {@link #CREDIT_ID} header from it; poison when incomplete. */
    public void check(Exchange exchange) {
        String body = exchange.getMessage().getBody(String.class);
        JsonNode credit;
        try {
            credit = body == null ? null : mapper.readTree(body);
        } catch (IOException e) {
            throw new PoisonMessageException("compensation credit is not JSON: " + e.getMessage(), e);
        }
        List<String> problems = problems(credit);
        if (!problems.isEmpty()) {
            throw new PoisonMessageException("invalid compensation credit: " + String.join("; ", problems), null);
        }
        exchange.getMessage().setHeader(CREDIT_ID, credit.path("creditId").asText());
    }

    static List<String> problems(JsonNode c) {
        List<String> problems = new ArrayList<>();
        if (c == null || !c.isObject()) {
            problems.add("not a JSON object");
            return problems;
        }
        if (!TYPE.equals(c.path("type").asText())) {
            problems.add("type must be " + TYPE);
        }
        for (String field : List.of("creditId", "customerId", "serviceId", "metric")) {
            if (!c.path(field).isTextual() || c.path(field).asText().isBlank()) {
                problems.add(field + " is missing");
            }
        }
        try {
            YearMonth.parse(c.path("month").asText());
        } catch (DateTimeParseException e) {
            problems.add("month must be YYYY-MM");
        }
        if (!c.path("amount").isNumber() || c.path("amount").asDouble() <= 0) {
            problems.add("amount must be a number above 0");
        }
        if (!c.path("currency").asText().matches("[A-Z]{3}")) {
            problems.add("currency must be an ISO 4217 code");
        }
        return problems;
    }
}
