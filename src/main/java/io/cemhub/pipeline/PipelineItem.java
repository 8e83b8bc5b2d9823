package io.cemhub.pipeline;

import io.cemhub.identity.HeldKey;
import io.cemhub.identity.ResolvedService;
import io.cemhub.model.CemRecord;
import io.cemhub.model.Customer;
import io.cemhub.model.EventEnvelope;

import java.util.ArrayList;
import java.util.List;

/**
 * One record on its way through the pipeline stages of one transaction. Stages run one after the
 * other on one thread, so the item is plainly mutable: each stage fills in its part.
 */
public final class PipelineItem {

    private final IngestMessage message;
    private CemRecord record;
    private ResolvedService resolvedService;
    private Customer resolvedCustomer;
    private EventContext context;
    private HeldKey heldFor;
    private boolean repeat;
    private final List<EventEnvelope> events = new ArrayList<>(2);

    public PipelineItem(CemRecord record) {
        this(record, IngestMessage.NONE);
    }

    public PipelineItem(CemRecord record, IngestMessage message) {
        this.record = record;
        this.message = message;
    }

    /** The ingest message this record came in. */
    public IngestMessage message() { return message; }

    public CemRecord record() { return record; }
    public void record(CemRecord record) { this.record = record; }
    public ResolvedService resolvedService() { return resolvedService; }
    public void resolvedService(ResolvedService resolved) { this.resolvedService = resolved; }
    public Customer resolvedCustomer() { return resolvedCustomer; }
    public void resolvedCustomer(Customer customer) { this.resolvedCustomer = customer; }
    public EventContext context() { return context; }
    public void context(EventContext context) { this.context = context; }

    /** The unknown id this record waits for, or null when it flows on. A held record makes no events. */
    public HeldKey heldFor() { return heldFor; }
    public void holdFor(HeldKey key) { this.heldFor = key; }
    public boolean isHeld() { return heldFor != null; }

    /**
     * True when this record was stored before (same source system and id: a source sent it again). Its
     * event still goes out (same event id), but evaluators that count, like the KPI rollups, skip it.
     */
    public boolean isRepeat() { return repeat; }
    public void markRepeat() { this.repeat = true; }

    /** Events this record causes, in the order they are to be published. */
    public List<EventEnvelope> events() { return events; }

    @Override
    public String toString() {
        return "PipelineItem[" + record.id() + " " + record.partitionKey() + "]";
    }
}
