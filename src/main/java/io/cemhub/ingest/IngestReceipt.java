package io.cemhub.ingest;

/**
 * What a source is told once its records are durable: how many records were accepted and into how
 * many messages and partitions they went.
 */
public record IngestReceipt(int accepted, int partitions, int messages) {
}
