package io.cemhub.overview;

import io.cemhub.model.CustomerInteraction;
import io.cemhub.pipeline.Evaluator;
import io.cemhub.pipeline.PipelineItem;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores every interaction of the batch for Customer 360, under its canonical customer when identity
 * resolution found one (a billing account becomes the customer's id), else under the id the source gave.
 */
public class InteractionRecorder implements Evaluator {

    private final InteractionStore store;

    public InteractionRecorder(InteractionStore store) {
        this.store = store;
    }

    @Override
    public void evaluate(List<PipelineItem> items) {
        List<InteractionStore.Stored> interactions = new ArrayList<>();
        for (PipelineItem item : items) {
            if (item.record() instanceof CustomerInteraction i) {
                String customer = item.resolvedCustomer() != null ? item.resolvedCustomer().id() : i.customerId();
                interactions.add(new InteractionStore.Stored(i, customer));
            }
        }
        if (!interactions.isEmpty()) {
            store.insert(interactions);
        }
    }
}
