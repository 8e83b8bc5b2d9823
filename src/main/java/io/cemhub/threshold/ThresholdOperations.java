package io.cemhub.threshold;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jmx.export.annotation.ManagedOperation;
import org.springframework.jmx.export.annotation.ManagedOperationParameter;
import org.springframework.jmx.export.annotation.ManagedResource;

/**
 * The threshold operations over JMX (bean io.cemhub:type=Thresholds), so that operators can use them
 * from Hawtio. Rules travel as the same JSON the REST API takes.
 */
@ManagedResource(objectName = "io.cemhub:type=Thresholds", description = "CEM Hub threshold rules")
public class ThresholdOperations {

    private final RuleService rules;
    private final ObjectMapper mapper;

    public ThresholdOperations(RuleService rules, ObjectMapper mapper) {
        this.rules = rules;
        this.mapper = mapper;
    }

    @ManagedOperation(description = "All rules as JSON")
    public String listRules() throws JsonProcessingException {
        return mapper.writeValueAsString(rules.all());
    }

    @ManagedOperation(description = "One rule as JSON, or an empty string")
    @ManagedOperationParameter(name = "id", description = "rule id")
    public String getRule(String id) throws JsonProcessingException {
        return rules.find(id).map(this::json).orElse("");
    }

    @ManagedOperation(description = "Create or replace a rule (JSON); answers the stored version")
    @ManagedOperationParameter(name = "ruleJson", description = "the rule as JSON")
    public String putRule(String ruleJson) throws JsonProcessingException {
        try {
            return json(rules.save(mapper.readValue(ruleJson, ThresholdRule.class), "jmx"));
        } catch (InvalidRuleException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    @ManagedOperation(description = "Delete a rule; true when it existed")
    @ManagedOperationParameter(name = "id", description = "rule id")
    public boolean deleteRule(String id) {
        return rules.delete(id, "jmx");
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
