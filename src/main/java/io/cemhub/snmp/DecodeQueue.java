package io.cemhub.snmp;

import org.snmp4j.util.WorkerPool;
import org.snmp4j.util.WorkerTask;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SNMP4J's dispatcher pool for the receiver: the socket's listen thread only copies a datagram into this
 * queue and goes back to the socket, and {@code threads} workers decode, check and convert. SNMP4J's own
 * ThreadPool makes the listen thread wait while every worker is busy, so a burst piles up in the kernel's
 * receive buffer (a few thousand datagrams at most) and overflows there, counted by the kernel only;
 * here it waits in the heap ({@code capacity} datagrams), and what does not fit is counted as
 * {@code queue-full}. Each datagram is decoded in {@link TrapMetrics#decodeOne}, which counts what became of it.
 */
final class DecodeQueue implements WorkerPool {

    private final ThreadPoolExecutor executor;
    private final TrapMetrics metrics;

    DecodeQueue(int threads, int capacity, TrapMetrics metrics) {
        this.metrics = metrics;
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, capacity)), r -> {
                    Thread t = new Thread(r, "cem-snmp-decode-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void execute(WorkerTask task) {
        if (!tryToExecute(task)) {
            metrics.dropped(TrapMetrics.Drop.QUEUE_FULL, 1);
        }
    }

    @Override
    public boolean tryToExecute(WorkerTask task) {
        try {
            executor.execute(() -> metrics.decodeOne(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Lets the datagrams already queued be decoded (the socket is closed first), for at most 10 s. */
    @Override
    public void stop() {
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void cancel() {
        executor.shutdownNow();
    }

    @Override
    public boolean isIdle() {
        return executor.getActiveCount() == 0 && executor.getQueue().isEmpty();
    }
}
