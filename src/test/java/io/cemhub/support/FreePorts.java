package io.cemhub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    public static int next() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
