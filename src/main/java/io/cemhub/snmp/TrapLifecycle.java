package io.cemhub.snmp;

import org.springframework.context.SmartLifecycle;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Starts the batcher, then the receiver; stops the receiver, then lets the batcher make what is waiting
 * durable. Its phase is above Camel's (SpringCamelContext: Integer.MAX_VALUE - 2049), so on shutdown it
 * stops while the adapter route still runs. It starts before Camel's routes: the batcher's first send
 * waits on {@code direct:snmp-traps} (Camel's direct endpoint blocks until its consumer is up).
 */
public class TrapLifecycle implements SmartLifecycle {

    private final TrapReceiver receiver;
    private final TrapBatcher batcher;
    private volatile boolean running;

    public TrapLifecycle(TrapReceiver receiver, TrapBatcher batcher) {
        this.receiver = receiver;
        this.batcher = batcher;
    }

    @Override
    public void start() {
        batcher.start();
        try {
            receiver.start();
        } catch (IOException e) {
            throw new UncheckedIOException("the SNMP trap receiver cannot listen (cem.snmp.traps.bind-address/port)", e);
        }
        running = true;
    }

    @Override
    public void stop() {
        try {
            receiver.stop();
            batcher.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
