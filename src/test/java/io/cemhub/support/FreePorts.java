package io.cemhub.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Free loopback ports and in-VM ids, so that test hubs never share a broker or a port. */
public final class FreePorts {

    private FreePorts() {
    }

    private static final java.util.concurrent.atomic.AtomicInteger IN_VM_IDS =
            new java.util.concurrent.atomic.AtomicInteger(1000);

    /** An in-VM acceptor id no other hub of this JVM has: each test hub gets its own embedded broker. */
    public static int nextInVmId() {
        return IN_VM_IDS.incrementAndGet();
    }

    /**
     * Ports below Linux's ephemeral range (32768-60999): the kernel never gives one of them to an outgoing
     * connection, so a port picked here stays free between the pick and the bind of a process that takes a
     * minute to start, and across a restart on the same port (the ephemeral port the kernel hands out for
     * ServerSocket(0) can be taken meanwhile by any client socket on the machine). Above 20000: clear of the
     * services' ports.
     */
    private static final int LOW = 20_000;
    private static final int HIGH = 32_767;
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static int next() {
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = java.util.concurrent.ThreadLocalRandom.current().nextInt(LOW, HIGH + 1);
            if (GIVEN.add(port) && bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOW + " and " + HIGH);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
