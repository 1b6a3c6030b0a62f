package io.tollgate.cli.proxy;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a started proxy until the process is told to stop (SIGINT, SIGTERM): the shutdown hook drains and closes
 * it, as Envoy drains on SIGTERM. The calling thread waits meanwhile; it never returns on its own.
 */
final class Foreground {
    private Foreground() {
    }

    static int run(String name, AutoCloseable proxy, PrintWriter out) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println(name + ": stopping, draining open connections");
            out.flush();
            try {
                proxy.close();
            } catch (Exception e) {
                out.println(name + ": while stopping: " + e.getMessage());
            } finally {
                out.println(name + ": stopped");
                out.flush();
                stopped.countDown();
            }
        }, "tollgate-" + name + "-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }
}
