package io.cemhub.ingest;

/**
 * What is wrong with one record of a submission: its position in the batch (0-based), the field
 * (a JSON path below the record, e.g. {@code source.system}; empty for the whole record) and why.
 */
public record RecordError(int index, String field, String reason) {

    @Override
    public String toString() {
        return "record " + index + (field.isEmpty() ? "" : " field " + field) + ": " + reason;
    }
}
