package io.cemhub.pipeline;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.util.List;

/**
 * Runs every {@link Evaluator} (the threshold engine, later the experience index) on every record. The
 * record's own event is created first so that events a record causes follow it on the topic.
 */
public class EvaluateStage implements Processor {

    private final EventFactory events;
    private final List<Evaluator> evaluators;

    public EvaluateStage(EventFactory events, List<Evaluator> evaluators) {
        this.events = events;
        this.evaluators = List.copyOf(evaluators);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        for (PipelineItem item : (List<PipelineItem>) exchange.getMessage().getBody(List.class)) {
            item.events().add(events.recordEvent(item));
            for (Evaluator evaluator : evaluators) {
                evaluator.evaluate(item);
            }
        }
    }
}
