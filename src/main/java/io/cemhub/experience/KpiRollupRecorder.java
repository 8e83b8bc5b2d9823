package io.cemhub.experience;

import io.cemhub.model.Measurement;
import io.cemhub.pipeline.Evaluator;
import io.cemhub.pipeline.PipelineItem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps the hour and day rollups current as measurements arrive: runs in the evaluate stage's database
 * transaction, after MeasurementRecorder (which marks records stored before as repeats: a source that
 * sends a measurement again does not count it twice) and before the threshold engine. A message the
 * pipeline redelivers is recognised by the partition checkpoint and not evaluated again.
 */
public class KpiRollupRecorder implements Evaluator {

    private final RollupStore store;

    public KpiRollupRecorder(RollupStore store) {
        this.store = store;
    }

    @Override
    public void evaluate(List<PipelineItem> items) {
        Map<RollupStore.Key, Rollup> hours = new HashMap<>();
        Map<RollupStore.Key, Rollup> days = new HashMap<>();
        Map<RollupStore.Key, String> customers = new HashMap<>();
        for (PipelineItem item : items) {
            if (item.record() instanceof Measurement m && !item.isRepeat() && Double.isFinite(m.value())) {
                String customer = item.context() != null && item.context().customerId() != null
                        ? item.context().customerId() : m.customerId();
                fold(hours, customers, Granularity.HOUR, m, customer);
                fold(days, customers, Granularity.DAY, m, customer);
            }
        }
        store.add(Granularity.HOUR, hours, customers);
        store.add(Granularity.DAY, days, customers);
    }

    private static void fold(Map<RollupStore.Key, Rollup> buckets, Map<RollupStore.Key, String> customers,
                             Granularity g, Measurement m, String customer) {
        RollupStore.Key key = new RollupStore.Key(m.serviceId(), m.metric(), g.bucket(m.observedAt()));
        buckets.computeIfAbsent(key, k -> new Rollup(k.start())).add(m.value());
        if (customer != null) {
            customers.putIfAbsent(key, customer);
        }
    }
}
