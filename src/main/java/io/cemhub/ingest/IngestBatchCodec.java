package io.cemhub.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cemhub.model.CemRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The body of a message on the ingest queue: {@code {"records":[...]}}, UTF-8 JSON, each record
 * tagged with its recordType. Readers and writers are built once; they are thread-safe.
 */
public final class IngestBatchCodec {

    private final ObjectWriter writer;
    private final ObjectReader reader;

    public IngestBatchCodec(ObjectMapper mapper) {
        this.writer = mapper.writerFor(Batch.class);
        this.reader = mapper.readerFor(Batch.class);
    }

    public byte[] encode(List<? extends CemRecord> records) {
        try {
            return writer.writeValueAsBytes(new Batch(List.copyOf(records)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode an ingest batch", e);
        }
    }

    /** @throws IOException when the bytes are not an ingest batch */
    public List<CemRecord> decode(byte[] body) throws IOException {
        Batch batch = reader.readValue(body);
        if (batch.records() == null) {
            throw new IOException("ingest batch without 'records'");
        }
        return batch.records();
    }

    private record Batch(List<CemRecord> records) {
    }
}
