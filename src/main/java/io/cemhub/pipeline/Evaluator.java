package io.cemhub.pipeline;

import java.util.List;

/**
 * A step of the evaluate stage (measurement storage, the threshold engine, later the experience index).
 * It gets all records of one ingest message, in partition order, inside the stage's database
 * transaction, and may add events to an item after the record's own. State it keeps per (service,
 * metric) is safe: one partition is processed by one consumer at a time.
 */
public interface Evaluator {

    void evaluate(List<PipelineItem> items);
}
