package io.cemhub.adapter;

import io.cemhub.ingest.RecordError;

import java.util.List;

/** Why one input item was not accepted, with the record errors (indexed by item) for REST callers. */
public record ItemFailure(InputItem item, String reason, List<RecordError> errors) {

    static ItemFailure of(InputItem item, String reason) {
        return new ItemFailure(item, item.label() + ": " + reason, List.of(new RecordError(item.index(), "", reason)));
    }
}
