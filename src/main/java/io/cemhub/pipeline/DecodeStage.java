package io.cemhub.pipeline;

import io.cemhub.ingest.IngestBatchCodec;
import io.cemhub.model.CemRecord;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Turns an ingest message's bytes back into records; bytes that are no ingest batch are poison. */
public class DecodeStage implements Processor {

    private final IngestBatchCodec codec;

    public DecodeStage(IngestBatchCodec codec) {
        this.codec = codec;
    }

    @Override
    public void process(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        List<CemRecord> records;
        try {
            records = codec.decode(body == null ? new byte[0] : body);
        } catch (IOException e) {
            throw new PoisonMessageException("the message on the ingest queue is not an ingest batch: "
                    + e.getMessage(), e);
        }
        List<PipelineItem> items = new ArrayList<>(records.size());
        for (CemRecord record : records) {
            items.add(new PipelineItem(record));
        }
        exchange.getMessage().setBody(items);
    }
}
