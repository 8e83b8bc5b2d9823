package io.cemhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One contestant of bench/compare.sh, driven the same way whoever it is: the corpus of {@link CompareCorpus}
 * POSTed in batches over C keep-alive connections (each series always on the same connection, so each
 * contestant sees every series in order); a closed-loop warm-up; R closed-loop runs whose completion rate is
 * the contestant's events/s; open-loop phases at 25/50/75 % of the peer's (Node-RED's) median, whose batch
 * latency counts from the due time (no coordinated omission); a rate above the contestant's own median is not
 * run (its backlog could only grow), and then it is measured at 25/50/75 % of its own median instead. After every phase it waits until the sinks
 * (topic and webhook) hold exactly the golden count of transitions; a phase that misses it fails the run.
 * Prints one {@code RESULT} line for the script's table.
 */
public final class CompareDriver {

    private final CompareOptions o;
    private final CompareCorpus corpus;
    private final CompareBook book;
    private final CompareCounters counters;
    private final int[] next;
    private final RawHttpClient[] clients;
    private boolean failed;

    private CompareDriver(CompareOptions o) {
        this.o = o;
        this.corpus = new CompareCorpus(o.seed, o.customers, o.batch, o.connections, o.maxBatches);
        this.book = new CompareBook(o.maxBatches, o.batch);
        this.counters = new CompareCounters(o, book);
        this.next = new int[o.connections];
        this.clients = new RawHttpClient[o.connections];
        for (int c = 0; c < o.connections; c++) {
            next[c] = c;
            clients[c] = new RawHttpClient(o.url);
        }
    }

    public static void main(String[] args) throws Exception {
        CompareOptions o = CompareOptions.parse(args);
        CompareDriver d = new CompareDriver(o);
        System.exit(d.run() ? 0 : 1);
    }

    private boolean run() throws Exception {
        System.out.printf(Locale.ROOT, "%s: %,d customers x 5 metrics, seed %d, batches of %d over %d connections%n",
                o.contestant, o.customers, o.seed, o.batch, o.connections);
        counters.start();
        try {
            closed("warm-up", o.warmupSeconds);
            double[] rates = new double[o.runs];
            double[] cpu = new double[o.runs];
            for (int i = 0; i < o.runs; i++) {
                double[] r = closed("run " + (i + 1), o.runSeconds);
                rates[i] = r[0];
                cpu[i] = r[1];
            }
            double median = median(rates);
            double base = o.peerMax > 0 ? o.peerMax : median;
            StringBuilder open = new StringBuilder();
            boolean above = false;
            for (int pct : new int[] {25, 50, 75}) {
                double rate = base * pct / 100.0;
                if (rate > median) {
                    // More than the contestant's closed-loop maximum: the backlog only grows, and the latency
                    // measured is how long the phase ran, not the contestant's. Said, not run.
                    above = true;
                    System.out.printf(Locale.ROOT, "open %d%% = %,.0f events/s: not run, above this contestant's"
                            + " maximum (%,.0f events/s)%n", pct, rate, median);
                    open.append(' ').append(String.format(Locale.ROOT, "open%d=%.0f/s:above-max", pct, rate));
                } else {
                    open.append(' ').append(open("open", pct, rate));
                }
            }
            if (above) {
                // Its latency where it can keep up: the same percentages of its own maximum.
                for (int pct : new int[] {25, 50, 75}) {
                    open.append(' ').append(open("own", pct, median * pct / 100.0));
                }
            }
            System.out.printf(Locale.ROOT, "RESULT contestant=%s%s events/s median=%.0f min=%.0f max=%.0f cpu-ms/1000=%.1f%s golden=%s%n",
                    o.contestant, o.label.isEmpty() ? "" : " " + o.label, median, min(rates), max(rates), median(cpu), open,
                    failed ? "FAILED" : "ok");
            return !failed;
        } finally {
            for (RawHttpClient c : clients) {
                c.close();
            }
            counters.close();
        }
    }

    /** A closed-loop phase: each connection sends its next batch when the previous one is answered. */
    private double[] closed(String name, int seconds) throws Exception {
        String load = load();
        long cpu0 = ticks(o.pid);
        long done0 = book.completed();
        long t0 = System.nanoTime();
        long end = t0 + seconds * 1_000_000_000L;
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.connections; c++) {
            int conn = c;
            threads.add(started(() -> {
                while (!stop.get() && System.nanoTime() < end) {
                    if (book.inflight() > o.maxInflightRecords) {
                        LockSupport.parkNanos(1_000_000);
                        continue;
                    }
                    send(conn, System.nanoTime());
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long done1 = book.completed();
        long t1 = System.nanoTime();
        long cpu1 = ticks(o.pid);
        double secs = (t1 - t0) / 1e9;
        double rate = (done1 - done0) / secs;
        double cpuMs = (cpu1 - cpu0) * 10.0 / Math.max(1, done1 - done0) * 1000;
        System.out.printf(Locale.ROOT, "%-8s %,9.0f events/s over %.1f s, contestant CPU %.2f cores = %.1f CPU-ms per 1,000 events (%s)%n",
                name, rate, secs, (cpu1 - cpu0) / 100.0 / secs, cpuMs, load);
        drain(name);
        return new double[] {rate, cpuMs};
    }

    /** An open-loop phase at the given rate: batch k is due at t0 + k x batch / rate, late or not. */
    private String open(String name, int pct, double rate) throws Exception {
        String load = load();
        int firstBatch = Arrays.stream(next).min().orElse(0);
        long t0 = System.nanoTime() + 50_000_000L;
        long end = t0 + o.openSeconds * 1_000_000_000L;
        double nanosPerBatch = o.batch * 1e9 / rate;
        AtomicBoolean overloaded = new AtomicBoolean();
        AtomicInteger sentBatches = new AtomicInteger();
        List<int[]> mine = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < o.connections; c++) {
            int conn = c;
            int[] taken = new int[(int) (o.openSeconds * rate / o.batch / o.connections) + 2];
            int[] count = new int[1];
            mine.add(taken);
            threads.add(started(() -> {
                for (long k = conn; ; k += o.connections) {
                    long due = t0 + (long) (k * nanosPerBatch);
                    if (due >= end || overloaded.get() || count[0] >= taken.length - 1) {
                        break;
                    }
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    // Far behind (20 s of records open): the contestant cannot take this rate; stop, say so.
                    if (book.inflight() > rate * 20 || System.nanoTime() - due > 20_000_000_000L) {
                        overloaded.set(true);
                        break;
                    }
                    taken[count[0]++] = send(conn, due);
                    sentBatches.incrementAndGet();
                }
                taken[taken.length - 1] = count[0];
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        drain(name + " " + pct + "%");
        List<Long> lat = new ArrayList<>();
        for (int[] taken : mine) {
            for (int i = 0; i < taken[taken.length - 1]; i++) {
                long l = book.latencyMicros(taken[i]);
                if (l >= 0) {
                    lat.add(l);
                }
            }
        }
        long[] sorted = lat.stream().mapToLong(Long::longValue).sorted().toArray();
        double p50 = pct(sorted, 0.50) / 1000.0;
        double p99 = pct(sorted, 0.99) / 1000.0;
        System.out.printf(Locale.ROOT, "%s %d%% = %,.0f events/s: %,d batches, latency p50 %.1f ms, p99 %.1f ms%s (%s; from batch %d)%n",
                name, pct, rate, sentBatches.get(), p50, p99, overloaded.get() ? ", OVERLOADED (stopped early)" : "", load, firstBatch);
        return String.format(Locale.ROOT, "%s%d=%.0f/s:p50=%.1fms,p99=%.1fms%s", name, pct, rate, p50, p99, overloaded.get() ? ",overloaded" : "");
    }

    /** Sends connection c's next batch (due at dueNanos); returns its index. */
    private int send(int c, long dueNanos) {
        int b = next[c];
        next[c] += o.connections;
        if (b >= o.maxBatches) {
            throw new IllegalStateException("corpus exhausted: raise --max-batches");
        }
        book.sent(b, dueNanos);
        try {
            RawHttpClient.Response r = clients[c].postJson(o.path, corpus.body(b, Instant.now()));
            if (r.status() / 100 != 2) {
                System.err.println("batch " + b + ": HTTP " + r.status() + " " + r.body());
                failed = true;
            } else if (!o.hubEvents) {
                book.batchDone(b, System.nanoTime());
            }
        } catch (IOException e) {
            System.err.println("batch " + b + ": " + e);
            failed = true;
        }
        return b;
    }

    /** Waits until every batch sent is done and both sinks hold exactly the golden count. */
    private void drain(String phase) throws Exception {
        long golden = 0;
        for (int c = 0; c < o.connections; c++) {
            for (int b = c; b < next[c]; b += o.connections) {
                golden += corpus.transitions(b);
            }
        }
        long deadline = System.nanoTime() + o.drainSeconds * 1_000_000_000L;
        long topic;
        long webhook;
        do {
            topic = counters.topic();
            webhook = counters.webhook();
            if (book.inflight() == 0 && topic == golden && webhook == golden) {
                System.out.printf(Locale.ROOT, "  golden count after %s: %,d transitions, topic %,d, webhook %,d: ok%n", phase, golden, topic, webhook);
                return;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline && topic <= golden && webhook <= golden);
        failed = true;
        System.out.printf(Locale.ROOT, "  golden count after %s: expected %,d transitions, topic %,d, webhook %,d, records open %,d: FAILED%n",
                phase, golden, topic, webhook, book.inflight());
    }

    private static Thread started(Runnable r) {
        Thread t = new Thread(r);
        t.start();
        return t;
    }

    private static String load() {
        try {
            String[] l = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "load " + l[0] + " " + l[1] + " " + l[2];
        } catch (IOException | RuntimeException e) {
            return "load ?";
        }
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long pct(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(0);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(0);
    }
}
