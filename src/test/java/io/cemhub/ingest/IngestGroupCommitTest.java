package io.cemhub.ingest;

import io.cemhub.model.CemRecord;
import io.cemhub.model.Measurement;
import io.cemhub.model.SourceRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class IngestGroupCommitTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aLoneSubmissionIsCommittedAsItCame() {
        List<List<PartitionBatch>> commits = new ArrayList<>();
        IngestGroupCommit groups = new IngestGroupCommit(500, 2_000, commits::add);
        List<PartitionBatch> batches = List.of(batch(3, "a", 0, 2), batch(5, "b", 0, 1));

        groups.submit(batches);

        assertThat(commits).containsExactly(batches);
    }

    @Test
    void submissionsThatArriveDuringACommitAreCommittedTogetherMergedPerPartition() throws Exception {
        FirstCommitBlocks broker = new FirstCommitBlocks();
        List<List<PartitionBatch>> commits = broker.commits;
        List<String> observed = Collections.synchronizedList(new ArrayList<>());
        IngestGroupCommit groups = new IngestGroupCommit(500, 2_000, broker,
                (submissions, records, nanos) -> observed.add(submissions + "/" + records));

        Future<?> first = broker.startFirst(pool, groups);
        List<Future<?>> later = new ArrayList<>();
        for (int s = 0; s < 5; s++) {
            int sub = s;
            later.add(pool.submit(() -> groups.submit(List.of(batch(1, "s" + sub, 0, 3), batch(2, "s" + sub, 0, 2)))));
        }
        // all five wait behind the first commit before it may finish
        await().atMost(10, TimeUnit.SECONDS).until(() -> groups.waitingSubmissions() == 5);
        broker.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        for (Future<?> f : later) {
            f.get(10, TimeUnit.SECONDS);
        }

        assertThat(commits).hasSize(2);
        assertThat(observed).as("submissions/records of each group").containsExactly("1/1", "5/25");
        List<PartitionBatch> merged = commits.get(1);
        assertThat(merged).extracting(PartitionBatch::partition).containsExactly(1, 2);
        assertThat(merged.get(0).records()).hasSize(15);
        assertThat(merged.get(1).records()).hasSize(10);
        // one submission's records of a partition stay together and in order
        List<String> ids = merged.get(0).records().stream().map(CemRecord::id).toList();
        for (int s = 0; s < 5; s++) {
            int at = ids.indexOf("s" + s + "-0");
            assertThat(ids.subList(at, at + 3)).containsExactly("s" + s + "-0", "s" + s + "-1", "s" + s + "-2");
        }
    }

    @Test
    void aGroupRespectsTheMessageAndGroupLimits() {
        IngestGroupCommit groups = new IngestGroupCommit(4, 2_000, b -> { });
        List<IngestGroupCommit.Pending> group = List.of(new IngestGroupCommit.Pending(List.of(batch(7, "x", 0, 3))),
                new IngestGroupCommit.Pending(List.of(batch(7, "y", 0, 3))));

        List<PartitionBatch> merged = groups.merge(group);

        assertThat(merged).extracting(b -> b.records().size()).containsExactly(4, 2);
        assertThat(merged.stream().flatMap(b -> b.records().stream()).map(CemRecord::id))
                .containsExactly("x-0", "x-1", "x-2", "y-0", "y-1", "y-2");
    }

    @Test
    void aSubmissionOverTheGroupLimitGoesAloneAndTheOthersFollowInTheirOwnGroup() throws Exception {
        FirstCommitBlocks broker = new FirstCommitBlocks();
        List<List<PartitionBatch>> commits = broker.commits;
        IngestGroupCommit groups = new IngestGroupCommit(500, 5, broker);

        Future<?> first = broker.startFirst(pool, groups);
        Future<?> big = pool.submit(() -> groups.submit(List.of(batch(1, "big", 0, 6))));
        await().atMost(10, TimeUnit.SECONDS).until(() -> groups.waitingSubmissions() == 1);
        Future<?> small = pool.submit(() -> groups.submit(List.of(batch(1, "small", 0, 2))));
        await().atMost(10, TimeUnit.SECONDS).until(() -> groups.waitingSubmissions() == 2);
        broker.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        big.get(10, TimeUnit.SECONDS);
        small.get(10, TimeUnit.SECONDS);

        assertThat(commits).hasSize(3);
        assertThat(commits.get(1).get(0).records()).hasSize(6);
        assertThat(commits.get(2).get(0).records()).extracting(CemRecord::id).containsExactly("small-0", "small-1");
    }

    @Test
    void aFailedCommitFailsEverySubmissionOfItsGroupAndNoOther() throws Exception {
        FirstCommitBlocks broker = new FirstCommitBlocks();
        List<List<PartitionBatch>> commits = broker.commits;
        IngestGroupCommit groups = new IngestGroupCommit(500, 2_000, b -> {
            broker.accept(b);
            if (commits.size() == 2) {
                throw new IllegalStateException("broker refused the commit");
            }
        });

        Future<?> first = broker.startFirst(pool, groups);
        Future<?> a = pool.submit(() -> groups.submit(List.of(batch(1, "a", 0, 1))));
        Future<?> b = pool.submit(() -> groups.submit(List.of(batch(2, "b", 0, 1))));
        await().atMost(10, TimeUnit.SECONDS).until(() -> groups.waitingSubmissions() == 2);
        broker.release.countDown();

        first.get(10, TimeUnit.SECONDS);
        for (Future<?> f : List.of(a, b)) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("broker refused the commit");
        }
        // the next submission is committed normally
        groups.submit(List.of(batch(3, "after", 0, 1)));
        assertThat(commits).hasSize(3);
    }

    /**
     * Many callers at once: none is left waiting (a lost wake-up would hang it past the timeout), every record
     * is committed once, each caller's records of a partition in the order it sent them, and groups do form.
     */
    @Test
    void underConcurrentLoadEverySubmissionReturnsAndEachRecordIsCommittedOnceInOrder() throws Exception {
        List<List<PartitionBatch>> commits = Collections.synchronizedList(new ArrayList<>());
        IngestGroupCommit groups = new IngestGroupCommit(500, 2_000, b -> {
            commits.add(b);
            long until = System.nanoTime() + 50_000; // a broker commit takes a little while
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        });
        int callers = 8;
        int perCaller = 300;
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            int caller = c;
            running.add(pool.submit(() -> {
                for (int i = 0; i < perCaller; i++) {
                    groups.submit(List.of(batch(caller % 3, "c" + caller + "n" + i, 0, 1)));
                }
            }));
        }
        for (Future<?> f : running) {
            f.get(60, TimeUnit.SECONDS);
        }

        List<String> ids = new ArrayList<>();
        synchronized (commits) {
            commits.forEach(group -> group.forEach(b -> b.records().forEach(r -> ids.add(r.id()))));
        }
        assertThat(ids).hasSize(callers * perCaller).doesNotHaveDuplicates();
        for (int c = 0; c < callers; c++) {
            String prefix = "c" + c + "n";
            List<Integer> order = ids.stream().filter(id -> id.startsWith(prefix))
                    .map(id -> Integer.parseInt(id.substring(prefix.length(), id.indexOf('-')))).toList();
            assertThat(order).as("caller %d", c).isSorted();
        }
        assertThat(commits.size()).as("groups formed").isLessThan(callers * perCaller);
        assertThat(groups.waitingSubmissions()).isZero();
    }

    /** A broker whose first commit holds until the test releases it, so that others queue behind it. */
    private static final class FirstCommitBlocks implements Consumer<List<PartitionBatch>> {
        final List<List<PartitionBatch>> commits = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void accept(List<PartitionBatch> batches) {
            commits.add(batches);
            if (commits.size() == 1) {
                started.countDown();
                try {
                    if (!release.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never released the first commit");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }

        /** Submits one record and returns once its commit has begun (and holds). */
        Future<?> startFirst(ExecutorService pool, IngestGroupCommit groups) throws InterruptedException {
            Future<?> first = pool.submit(() -> groups.submit(List.of(batch(1, "first", 0, 1))));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            return first;
        }
    }

    private static PartitionBatch batch(int partition, String prefix, int from, int count) {
        List<CemRecord> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            records.add(measurement(prefix + "-" + i));
        }
        return new PartitionBatch(partition, records);
    }

    private static CemRecord measurement(String id) {
        return new Measurement(id, new SourceRef("wisla", "rest"), null, "svc-1", null, "vpn.latency", 12.5, "ms",
                Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2026-11-24T00:00:01Z"), null);
    }
}
