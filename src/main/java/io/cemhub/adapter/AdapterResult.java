package io.cemhub.adapter;

import io.cemhub.model.CemRecord;

import java.util.List;

/** What one input became: the canonical records of its good items and the failures of its bad ones. */
public record AdapterResult(int items, List<CemRecord> records, List<ItemFailure> failures) {

    public boolean allGood() {
        return failures.isEmpty();
    }

    public String summary() {
        StringBuilder text = new StringBuilder(failures.size() + " of " + items + " item(s) refused");
        failures.stream().limit(5).forEach(f -> text.append("; ").append(f.reason()));
        if (failures.size() > 5) {
            text.append("; ...");
        }
        return text.toString();
    }
}
