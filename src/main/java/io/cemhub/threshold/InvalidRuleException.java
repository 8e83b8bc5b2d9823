package io.cemhub.threshold;

import java.util.List;

/** A threshold rule that contradicts itself or the catalogue; the problems say what to fix. */
public class InvalidRuleException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidRuleException(List<String> problems) {
        super("invalid threshold rule: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
