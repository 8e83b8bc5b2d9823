package io.cemhub.ingest;

import java.util.List;

/** A submission was refused because some of its records are invalid; nothing of it was accepted. */
public class InvalidRecordsException extends RuntimeException {

    private final transient List<RecordError> errors;

    public InvalidRecordsException(List<RecordError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<RecordError> errors() {
        return errors;
    }

    private static String summary(List<RecordError> errors) {
        StringBuilder text = new StringBuilder(errors.size() + " invalid record(s)");
        errors.stream().limit(5).forEach(e -> text.append("; ").append(e));
        if (errors.size() > 5) {
            text.append("; ...");
        }
        return text.toString();
    }
}
