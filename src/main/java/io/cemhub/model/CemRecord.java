package io.cemhub.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A canonical record as it travels through the durable ingest queue. The {@code recordType} property
 * tells the pipeline which kind it is; the validator adds it to a measurement posted without one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "recordType")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Measurement.class, name = "measurement"),
    @JsonSubTypes.Type(value = CustomerInteraction.class, name = "interaction")
})
public sealed interface CemRecord permits Measurement, CustomerInteraction {

    String id();

    SourceRef source();

    /** When the hub accepted the record at its entry (set by the hub). */
    java.time.Instant receivedAt();

    /** The key that chooses the ingest partition: all records with one key are evaluated in order. */
    String partitionKey();
}
