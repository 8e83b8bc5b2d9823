package io.cemhub.threshold;

import io.cemhub.model.Measurement;
import io.cemhub.pipeline.Evaluator;
import io.cemhub.pipeline.PipelineItem;

import java.util.ArrayList;
import java.util.List;

/** Stores every measurement of the batch (for backtests and reports), before the rules look at them. */
public class MeasurementRecorder implements Evaluator {

    private final MeasurementStore store;

    public MeasurementRecorder(MeasurementStore store) {
        this.store = store;
    }

    @Override
    public void evaluate(List<PipelineItem> items) {
        List<Measurement> measurements = new ArrayList<>(items.size());
        for (PipelineItem item : items) {
            if (item.record() instanceof Measurement m) {
                measurements.add(m);
            }
        }
        if (!measurements.isEmpty()) {
            store.insert(measurements);
        }
    }
}
