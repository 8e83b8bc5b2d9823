package io.cemhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Who used the machine's CPUs during a phase (Linux /proc): the hub, this generator, and everything
 * else. On a shared two-core machine "everything else" says how far a figure can be trusted.
 */
final class CpuShares {

    private final long hubPid;
    private final long selfPid = ProcessHandle.current().pid();
    private final long startNanos;
    private final long[] start;

    private CpuShares(long hubPid) {
        this.hubPid = hubPid;
        this.startNanos = System.nanoTime();
        this.start = sample();
    }

    static CpuShares start(long hubPid) {
        return new CpuShares(hubPid);
    }

    /** Cores used on average since start(): "hub 1.2, generator 0.4, other 0.1 of 2 CPUs". */
    String since() {
        long[] end = sample();
        if (start == null || end == null) {
            return "CPU shares unavailable (no /proc)";
        }
        // /proc/stat and /proc/<pid>/stat both count in USER_HZ ticks, 100 per second on Linux.
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double busy = (end[0] - start[0]) / 100.0 / seconds;
        double hub = hubPid > 0 ? (end[1] - start[1]) / 100.0 / seconds : Double.NaN;
        double self = (end[2] - start[2]) / 100.0 / seconds;
        double other = busy - self - (hubPid > 0 ? hub : 0);
        return String.format(Locale.ROOT, "hub %.2f, generator %.2f, other processes %.2f, idle %.2f of %d CPUs",
                hub, self, other, Runtime.getRuntime().availableProcessors() - busy,
                Runtime.getRuntime().availableProcessors());
    }

    private long[] sample() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
            long busy = Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3])
                    + Long.parseLong(cpu[6]) + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
            return new long[] {busy, hubPid > 0 ? ticks(hubPid) : 0, ticks(selfPid)};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }
}
