package io.cemhub.pipeline;

/**
 * The ingest message a record came in: its JMS message id, its partition (JMS message group) and the
 * identity-release mark the hold put on it ({@code cemIdentityRelease}, null for a first pass). One
 * pipeline transaction may take many ingest messages; the checkpoint and the resolve stage need to know
 * each record's own. Compared by reference: each decoded message is one instance.
 */
public final class IngestMessage {

    /** For records that came in no JMS message (tests, tools): never checkpointed. */
    public static final IngestMessage NONE = new IngestMessage(null, null, null);

    private final String id;
    private final String partition;
    private final String released;

    public IngestMessage(String id, String partition, String released) {
        this.id = id;
        this.partition = partition;
        this.released = released;
    }

    public String id() { return id; }
    public String partition() { return partition; }
    public String released() { return released; }

    /** Only a message with an id and a partition can be recognised when it comes again. */
    public boolean checkpointed() {
        return id != null && partition != null;
    }

    @Override
    public String toString() {
        return "IngestMessage[" + id + " " + partition + "]";
    }
}
