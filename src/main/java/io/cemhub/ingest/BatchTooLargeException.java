package io.cemhub.ingest;

/** A submission carries more records than {@code cem.ingest.max-batch} allows. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int size, int limit) {
        super("the submission holds " + size + " records; at most " + limit
                + " are taken at once (cem.ingest.max-batch): split it");
    }
}
