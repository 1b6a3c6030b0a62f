package io.tollgate.bench.load;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link PingPongPlan}: one sender thread writes message k to connection k mod n at t0 + k * interval;
 * one receiver thread per connection reads the echoes, checks them and records now - (t0 + k * interval).
 * Each receiver owns its histogram (single writer); they are merged after the threads have joined.
 */
public final class PingPongClient {
    private static final long HIGHEST_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final Duration DRAIN = Duration.ofSeconds(10);

    private PingPongClient() {
    }

    public static PingPongResult run(PingPongPlan plan) throws IOException, InterruptedException {
        return run(plan, MeasuredSpan.NONE);
    }

    /** Runs {@code plan}, telling {@code span} when its measured messages begin and end. */
    public static PingPongResult run(PingPongPlan plan, MeasuredSpan span) throws IOException, InterruptedException {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < plan.connections(); i++) {
                Socket socket = new Socket();
                sockets.add(socket);
                socket.setTcpNoDelay(true);
                socket.connect(plan.target(), 5_000);
                socket.setSoTimeout((int) DRAIN.toMillis());
            }
            return exchange(plan, sockets, span);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    private static PingPongResult exchange(PingPongPlan plan, List<Socket> sockets, MeasuredSpan span)
            throws IOException, InterruptedException {
        long interval = plan.intervalNanos();
        long messages = plan.messages();
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        List<Receiver> receivers = new ArrayList<>();
        for (int i = 0; i < sockets.size(); i++) {
            long expected = messages / sockets.size() + (i < messages % sockets.size() ? 1 : 0);
            Receiver receiver = new Receiver(sockets.get(i).getInputStream(), expected, start, interval,
                    plan.warmupMessages());
            receivers.add(receiver);
            receiver.thread.start();
        }
        long sent = send(sockets, messages, start, interval, plan.warmupMessages(), span);
        for (Receiver receiver : receivers) {
            receiver.thread.join(DRAIN.toMillis() + 1_000);
            if (receiver.thread.isAlive()) {
                receiver.thread.interrupt();
            }
        }
        span.ends();
        Histogram merged = new Histogram(HIGHEST_NANOS, 3);
        long echoed = 0;
        long corrupt = 0;
        for (Receiver receiver : receivers) {
            merged.add(receiver.histogram);
            echoed += receiver.received;
            corrupt += receiver.corrupt;
        }
        return new PingPongResult(sent, echoed, sent * Payload.SIZE, echoed * Payload.SIZE, corrupt, merged);
    }

    /** Sends on schedule, never skipping a late message; returns how many were written before any write failed. */
    private static long send(List<Socket> sockets, long messages, long start, long interval, long warmupMessages,
                             MeasuredSpan span) throws IOException {
        TimerSlack.minimiseForCurrentThread();
        List<OutputStream> outs = new ArrayList<>();
        for (Socket socket : sockets) {
            outs.add(socket.getOutputStream());
        }
        byte[] message = new byte[Payload.SIZE];
        for (long k = 0; k < messages; k++) {
            if (k == warmupMessages) {
                span.begins();
            }
            long due = start + k * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Payload.encode(k, message);
            try {
                outs.get((int) (k % outs.size())).write(message);
            } catch (IOException broken) {
                // The path died: what was sent so far is compared with what came back; the guard reports it.
                return k;
            }
        }
        return messages;
    }

    /** Reads one connection's echoes on its own thread; fields are read by the caller only after join(). */
    private static final class Receiver implements Runnable {
        final Thread thread;
        final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
        private final InputStream in;
        private final long expected;
        private final long start;
        private final long interval;
        private final long warmupMessages;
        long received;
        long corrupt;

        Receiver(InputStream in, long expected, long start, long interval, long warmupMessages) {
            this.in = in;
            this.expected = expected;
            this.start = start;
            this.interval = interval;
            this.warmupMessages = warmupMessages;
            this.thread = Thread.ofPlatform().name("pingpong-receiver").daemon().unstarted(this);
        }

        @Override
        public void run() {
            byte[] message = new byte[Payload.SIZE];
            try {
                while (received + corrupt < expected) {
                    if (in.readNBytes(message, 0, Payload.SIZE) < Payload.SIZE) {
                        return;
                    }
                    long now = System.nanoTime();
                    long sequence = Payload.decode(message);
                    if (sequence < 0) {
                        corrupt++;
                        continue;
                    }
                    received++;
                    if (sequence >= warmupMessages) {
                        histogram.recordValue(Math.min(HIGHEST_NANOS, Math.max(0, now - (start + sequence * interval))));
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException stopped) {
                // Missing echoes after the drain period, or the socket closed under us: counted by the caller.
            } catch (IOException e) {
                corrupt++;
            }
        }
    }
}
