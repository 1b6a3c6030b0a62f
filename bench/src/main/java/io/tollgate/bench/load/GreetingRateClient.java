package io.tollgate.bench.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * New connections per second to a MySQL server's greeting: each of {@code workers} threads connects, reads the
 * first packet, checks it is a greeting, closes, and repeats until the time is up (closed loop). Through a chain,
 * every iteration costs each proxy an accept, an upstream connect and, for the mTLS hop, a handshake.
 */
public final class GreetingRateClient {
    private GreetingRateClient() {
    }

    public static GreetingRateResult run(InetSocketAddress target, int workers, Duration duration) throws InterruptedException {
        AtomicLong greeted = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        long started = System.nanoTime();
        long deadline = started + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            threads.add(Thread.ofPlatform().name("greeting-" + i).daemon().start(() -> {
                while (System.nanoTime() < deadline) {
                    String failure = once(target);
                    if (failure == null) {
                        greeted.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("", failure);
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new GreetingRateResult(greeted.get(), failed.get(), firstFailure.get(), System.nanoTime() - started);
    }

    /** One connection; returns null when it was greeted, else why not. */
    static String once(InetSocketAddress target) {
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(target, 5_000);
            socket.setSoTimeout(5_000);
            FirstPacket first = FirstPacket.read(socket.getInputStream());
            return first instanceof FirstPacket.Greeting ? null : first.toString();
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
