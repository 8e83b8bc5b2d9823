package io.cemhub.pipeline;

/**
 * A step of the evaluate stage (the threshold engine is one). It runs for every enriched record, in
 * partition order, and may add events to the item (e.g. an AlarmCreateEvent after the record's own).
 * State it keeps per (service, metric) is safe: one partition is processed by one consumer at a time.
 */
public interface Evaluator {

    void evaluate(PipelineItem item);
}
