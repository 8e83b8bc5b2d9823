package io.cemhub.adapter;

import io.cemhub.ingest.IngestGateway;
import io.cemhub.quarantine.QuarantineEntry;
import io.cemhub.quarantine.QuarantineStore;
import jakarta.jms.JMSException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs quarantined input again through its adapter's CURRENT mapping: fix the mapping file, then replay.
 * An entry is first judged on a browsed copy; only when every item of it now maps to valid records is it
 * taken off the quarantine, in the same JMS transaction that puts its records on the ingest queue. An
 * entry that still fails stays where it was, untouched (its delivery count does not grow).
 */
public class QuarantineReplay {

    /** Entries quarantined by the native JMS entry hold canonical JSON. */
    static final String CANONICAL_ENTRY = "jms-canonical";

    private final QuarantineStore store;
    private final AdapterPipeline pipeline;
    private final IngestGateway gateway;
    private final AdapterMetrics metrics;

    public QuarantineReplay(QuarantineStore store, AdapterPipeline pipeline, IngestGateway gateway,
                            AdapterMetrics metrics) {
        this.store = store;
        this.pipeline = pipeline;
        this.gateway = gateway;
        this.metrics = metrics;
    }

    public List<Outcome> replayIds(List<String> ids) throws JMSException {
        List<Outcome> outcomes = new ArrayList<>();
        for (String id : ids) {
            Optional<QuarantineEntry> entry = store.find(id);
            outcomes.add(entry.isPresent() ? replay(entry.get()) : new Outcome(id, "not-found", 0, "no such entry"));
        }
        return outcomes;
    }

    public List<Outcome> replayAdapter(String adapter, int limit) throws JMSException {
        List<Outcome> outcomes = new ArrayList<>();
        for (QuarantineEntry entry : store.browse(adapter, null, null, limit)) {
            outcomes.add(replay(entry));
        }
        return outcomes;
    }

    private Outcome replay(QuarantineEntry entry) throws JMSException {
        String format = entry.format() != null ? entry.format()
                : CANONICAL_ENTRY.equals(entry.adapter()) ? "canonical" : null;
        if (format == null) {
            return new Outcome(entry.id(), "not-replayable", 0,
                    "the entry does not say how to read it (it did not come from an adapter)");
        }
        AdapterResult result;
        try {
            result = pipeline.process(entry.adapter(), format, entry.payload(), new InputOptions(entry.csvDelimiter(),
                    InputOptions.columns(entry.csvColumns()), entry.parameters()));
        } catch (InputRejectedException | MappingException e) {
            return new Outcome(entry.id(), "failed", 0, e.getMessage());
        }
        if (!result.allGood()) {
            return new Outcome(entry.id(), "failed", 0, result.summary());
        }
        AtomicInteger accepted = new AtomicInteger();
        boolean taken = store.take(entry.id(), session -> accepted.set(
                gateway.submit(AdapterPipeline.entryOf(entry.adapter()), result.records(), session).accepted()));
        if (!taken) {
            return new Outcome(entry.id(), "not-found", 0, "the entry was taken meanwhile");
        }
        metrics.mapped(entry.adapter(), accepted.get());
        return new Outcome(entry.id(), "replayed", accepted.get(), null);
    }

    /** What became of one entry: replayed (with its record count), failed (still quarantined), not-found. */
    public record Outcome(String id, String status, int records, String reason) {
    }
}
