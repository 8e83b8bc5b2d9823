package io.cemhub.ingest;

import io.cemhub.model.CemRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit for submissions that bring no transaction of their own (REST calls, adapters, SNMP):
 * while one group is being committed, the submissions that arrive wait, and the next of them to get
 * the lock commits all that waited in ONE broker transaction, their records merged per partition into
 * fewer, fuller messages. Why: each ingest message costs the pipeline one JMS and one database
 * transaction, and each submission one journal sync; eight concurrent calls of 100 records spread over
 * 8 partitions made ~12-record messages. Nobody waits for a timer: an idle hub commits a lone call at
 * once, a busy one groups what piles up during the previous commit.
 *
 * <p>Guarantees kept: a submission returns only once its group is committed (durable), and it is
 * all-or-nothing, since its group is; a failed commit fails every submission of that group (and no
 * other); a submission's records of one partition keep their order, and so do submissions of one
 * partition in the order they arrived here.
 *
 * <p>Waiting: a submission that finds a commit under way parks on its own {@link Pending#signal}, not on the
 * lock. The committer releases each member of its group when the group is done, all at once; and when it
 * lets go of the lock it wakes the oldest submission still waiting, which commits the next group. Waiting
 * on the lock instead made every member of a finished group take the lock in turn only to see it was done:
 * a chain of one wake-up after another, ~60 ms for 64 concurrent calls on 2 cores with the CPU idle
 * (docs/performance.md, 2026-11-24 14:00).
 */
final class IngestGroupCommit {

    private final ConcurrentLinkedQueue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final ReentrantLock committing = new ReentrantLock();
    private final int maxRecordsPerMessage;
    private final int maxRecordsPerGroup;
    private final Consumer<List<PartitionBatch>> commit;
    private final Observer observer;

    /** Told of each group commit, successful or not (meters). */
    interface Observer {
        Observer NONE = (submissions, records, nanos) -> { };

        void committed(int submissions, int records, long nanos);
    }

    IngestGroupCommit(int maxRecordsPerMessage, int maxRecordsPerGroup, Consumer<List<PartitionBatch>> commit) {
        this(maxRecordsPerMessage, maxRecordsPerGroup, commit, Observer.NONE);
    }

    /**
     * @param commit   sends the batches in one transaction and commits it; throws when it could not
     * @param observer told of each group: its submissions, its records and how long its commit took
     */
    IngestGroupCommit(int maxRecordsPerMessage, int maxRecordsPerGroup, Consumer<List<PartitionBatch>> commit,
                      Observer observer) {
        if (maxRecordsPerMessage < 1 || maxRecordsPerGroup < 1) {
            throw new IllegalArgumentException("records per message and per group must be at least 1");
        }
        this.maxRecordsPerMessage = maxRecordsPerMessage;
        this.maxRecordsPerGroup = maxRecordsPerGroup;
        this.commit = commit;
        this.observer = observer;
    }

    /** Returns once these batches are committed, with others or alone; rethrows the commit's failure. */
    void submit(List<PartitionBatch> batches) {
        Pending mine = new Pending(batches);
        waiting.add(mine);
        while (!mine.done) {
            if (committing.tryLock()) {
                try {
                    // The committer commits what waits; a group that left this one out is followed by another.
                    while (!mine.done) {
                        commitGroup(drain());
                    }
                } finally {
                    committing.unlock();
                }
                // Who came after the last group waits for a committer: the oldest of them becomes the next one.
                Pending next = waiting.peek();
                if (next != null) {
                    next.signal.release();
                }
            } else {
                // Released when its group is done, or to try to commit (the committer let go of the lock).
                mine.signal.acquireUninterruptibly();
            }
        }
        if (mine.failure instanceof RuntimeException e) {
            throw e;
        }
        if (mine.failure instanceof Error e) {
            throw e;
        }
    }

    /** Submissions waiting for a group (tests wait on it). */
    int waitingSubmissions() {
        return waiting.size();
    }

    private List<Pending> drain() {
        List<Pending> group = new ArrayList<>();
        int records = 0;
        Pending next;
        while ((next = waiting.peek()) != null) {
            if (!group.isEmpty() && records + next.records > maxRecordsPerGroup) {
                break;
            }
            waiting.poll();
            group.add(next);
            records += next.records;
        }
        return group;
    }

    private void commitGroup(List<Pending> group) {
        Throwable failure = null;
        long start = System.nanoTime();
        try {
            commit.accept(group.size() == 1 ? group.get(0).batches : merge(group));
        } catch (RuntimeException | Error e) {
            failure = e;
        }
        observer.committed(group.size(), group.stream().mapToInt(p -> p.records).sum(), System.nanoTime() - start);
        for (Pending p : group) {
            p.failure = failure;
            p.done = true;
            p.signal.release();
        }
    }

    /** The group's records per partition, in arrival order, cut into messages of at most the maximum. */
    List<PartitionBatch> merge(List<Pending> group) {
        Map<Integer, List<CemRecord>> byPartition = new LinkedHashMap<>();
        for (Pending p : group) {
            for (PartitionBatch batch : p.batches) {
                byPartition.computeIfAbsent(batch.partition(), k -> new ArrayList<>()).addAll(batch.records());
            }
        }
        return PartitionBatch.cut(byPartition, maxRecordsPerMessage);
    }

    /** One submission; failure is written before done (volatile), so its owner sees it once it sees done. */
    static final class Pending {
        final List<PartitionBatch> batches;
        final int records;
        final Semaphore signal = new Semaphore(0);
        volatile boolean done;
        Throwable failure;

        Pending(List<PartitionBatch> batches) {
            this.batches = batches;
            this.records = batches.stream().mapToInt(b -> b.records().size()).sum();
        }
    }
}
