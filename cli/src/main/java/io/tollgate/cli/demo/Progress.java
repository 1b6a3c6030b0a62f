package io.tollgate.cli.demo;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A progress line while the demo waits for something (a configuration to reach the gateway, a client to finish):
 * one line when the wait starts, then one every {@link #EVERY} until it ends, so a slow step never looks hung.
 */
final class Progress implements AutoCloseable {
    private static final Duration EVERY = Duration.ofSeconds(2);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread ticker;

    private Progress(PrintWriter out, String what) {
        long started = System.nanoTime();
        out.println("      ... " + what);
        out.flush();
        this.ticker = Thread.ofVirtual().name("demo-progress").start(() -> {
            try {
                while (!done.await(EVERY.toMillis(), TimeUnit.MILLISECONDS)) {
                    long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
                    synchronized (out) {
                        out.println("      ... still " + what + " (" + seconds + " s)");
                        out.flush();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    static Progress start(PrintWriter out, String what) {
        return new Progress(out, what);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            ticker.join(EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
