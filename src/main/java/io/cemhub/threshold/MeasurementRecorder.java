package io.cemhub.threshold;

import io.cemhub.model.Measurement;
import io.cemhub.pipeline.Evaluator;
import io.cemhub.pipeline.PipelineItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores every measurement of the batch (for backtests and reports), before the rules look at them, and
 * marks the ones stored before as repeats (a source sent them again), so that the rollups count them once.
 */
public class MeasurementRecorder implements Evaluator {

    private final MeasurementStore store;

    public MeasurementRecorder(MeasurementStore store) {
        this.store = store;
    }

    @Override
    public void evaluate(List<PipelineItem> items) {
        List<Measurement> measurements = new ArrayList<>(items.size());
        List<PipelineItem> stored = new ArrayList<>(items.size());
        for (PipelineItem item : items) {
            if (item.record() instanceof Measurement m) {
                measurements.add(m);
                stored.add(item);
            }
        }
        if (!measurements.isEmpty()) {
            int[] counts = store.insert(measurements);
            for (int i = 0; i < counts.length && i < stored.size(); i++) {
                // 0: the row was there already; a driver that cannot tell (SUCCESS_NO_INFO, -2) counts as new
                if (counts[i] == 0) {
                    stored.get(i).markRepeat();
                }
            }
        }
    }
}
