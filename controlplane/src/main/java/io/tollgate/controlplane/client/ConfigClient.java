package io.tollgate.controlplane.client;

import io.grpc.CallOptions;
import io.grpc.ClientCall;
import io.grpc.ConnectivityState;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.tollgate.controlplane.distribution.Ack;
import io.tollgate.controlplane.distribution.DistributionRpc;
import io.tollgate.controlplane.distribution.Hello;
import io.tollgate.controlplane.distribution.Nack;
import io.tollgate.controlplane.distribution.ProxyMessage;
import io.tollgate.controlplane.distribution.ProxyRequest;
import io.tollgate.controlplane.distribution.Push;
import io.tollgate.controlplane.distribution.Snapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A proxy's link to its control plane: holds one stream open, feeds every push to the {@link SnapshotConsumer},
 * answers ACK or NACK, and keeps the last good snapshot whatever happens to the control plane. When the stream
 * ends it reconnects with capped, jittered exponential backoff and resynchronises by saying what it holds.
 *
 * <p>Threads: one thread of its own runs everything (stream callbacks, the consumer, reconnects), so the state
 * below needs no locks; only {@link #current()} and {@link #health()} are read from elsewhere, through volatiles.
 */
public final class ConfigClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigClient.class);
    /** How long a reconnect waits for the channel's connection attempt to end before starting the stream anyway. */
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(2);

    private final ConfigClientOptions options;
    private final SnapshotConsumer consumer;
    private final ScheduledThreadPoolExecutor thread;
    private final ManagedChannel channel;
    private final SplittableRandom random = new SplittableRandom();

    private volatile HeldDocuments applied = HeldDocuments.NONE;
    private volatile ClientHealth health = new ClientHealth(ConnectionState.CONNECTING, 0, "");
    // Confined to the client's thread.
    private HeldDocuments received = HeldDocuments.NONE;
    private Attempt attempt;
    private int failures;
    /** Counts waits for the channel's connection attempt; a callback of an earlier wait is stale. */
    private long waits;
    private boolean closed;

    private ConfigClient(ConfigClientOptions options, SnapshotConsumer consumer) {
        this.options = options;
        this.consumer = consumer;
        this.thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread t = new Thread(runnable, "tollgate-config-client-" + options.node().id());
            t.setDaemon(true);
            return t;
        });
        this.thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.channel = Grpc.newChannelBuilderForAddress(options.host(), options.port(), options.credentials())
                .executor(thread)
                .maxInboundMessageSize(options.maxMessageBytes())
                .keepAliveTime(options.keepAlive().toNanos(), TimeUnit.NANOSECONDS)
                .build();
    }

    /** Starts connecting in the background; returns at once. */
    public static ConfigClient start(ConfigClientOptions options, SnapshotConsumer consumer) {
        ConfigClient client = new ConfigClient(options, consumer);
        client.thread.execute(client::connect);
        return client;
    }

    /** The last snapshot the consumer accepted, if any. */
    public Optional<Snapshot> current() {
        HeldDocuments held = applied;
        return held.version().isEmpty() ? Optional.empty() : Optional.of(held.snapshot());
    }

    public ClientHealth health() {
        return health;
    }

    /** Ends the stream and releases the connection; the consumer is not called again. */
    @Override
    public void close() throws InterruptedException {
        if (thread.isShutdown()) {
            return; // closed before: idempotent, as an agent's disconnect-then-close calls it twice
        }
        thread.execute(() -> {
            closed = true;
            if (attempt != null) {
                attempt.call.cancel("proxy is shutting down", null);
            }
            health = new ClientHealth(ConnectionState.CLOSED, failures, health.lastFailure());
        });
        channel.shutdown();
        if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void connect() {
        if (closed) {
            return;
        }
        // Our backoff governs retries; the channel's own (up to two minutes) would delay a resync needlessly.
        channel.resetConnectBackoff();
        ConnectivityState state = channel.getState(true);
        if (state == ConnectivityState.READY || state == ConnectivityState.SHUTDOWN) {
            startStream();
            return;
        }
        // A stream started now would fail at once on the outcome of the previous connection attempt (the reset
        // takes effect asynchronously): start it when this attempt has an outcome, or after a while regardless.
        long wait = ++waits;
        channel.notifyWhenStateChanged(state, () -> thread.execute(() -> channelMoved(wait)));
        thread.schedule(() -> channelMoved(wait), CONNECT_WAIT.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void channelMoved(long wait) {
        if (closed || wait != waits) {
            return;
        }
        ConnectivityState state = channel.getState(false);
        if (state == ConnectivityState.CONNECTING || state == ConnectivityState.IDLE) {
            channel.notifyWhenStateChanged(state, () -> thread.execute(() -> channelMoved(wait)));
            return;
        }
        waits++; // the other of notification and timer finds this wait over
        startStream(); // READY, or TRANSIENT_FAILURE: then the stream fails at once with the connection's own error
    }

    private void startStream() {
        ClientCall<ProxyRequest, Push> call =
                channel.newCall(DistributionRpc.CLIENT_STREAM, CallOptions.DEFAULT);
        attempt = new Attempt(call);
        received = applied; // the server computes deltas from what the hello says we hold
        health = new ClientHealth(ConnectionState.CONNECTING, failures, health.lastFailure());
        call.start(attempt, new Metadata());
        HeldDocuments held = applied;
        String digest = held.version().isEmpty() ? "" : held.digest().hex();
        send(call, new Hello(options.node(), held.version(), digest));
        call.request(1);
    }

    private void handle(ClientCall<ProxyRequest, Push> call, Push push) {
        HeldDocuments candidate;
        try {
            candidate = received.apply(push);
        } catch (IllegalArgumentException e) {
            // Our view and the server's diverged; a fresh stream resynchronises from what we actually run.
            LOG.warn("push {} from the control plane cannot be applied, reconnecting: {}", push.nonce(), e.getMessage());
            call.cancel("push cannot be applied: " + e.getMessage(), null);
            return;
        }
        received = candidate;
        Verdict verdict = decide(candidate.snapshot());
        switch (verdict) {
            case Verdict.Accepted accepted -> {
                applied = candidate;
                send(call, new Ack(push.version(), push.nonce()));
            }
            case Verdict.Rejected rejected -> {
                LOG.warn("refused version {}, keeping '{}': {}", push.version(), applied.version(), rejected.reason());
                send(call, new Nack(applied.version(), push.nonce(), rejected.reason()));
            }
        }
        call.request(1);
    }

    private Verdict decide(Snapshot snapshot) {
        try {
            return consumer.apply(snapshot);
        } catch (RuntimeException e) {
            // A consumer that fails has not applied the snapshot: treat it as a refusal, keep the last good one.
            return Verdict.reject("proxy failed applying the snapshot: " + e);
        }
    }

    private void ended(Status status) {
        attempt = null;
        if (closed) {
            return;
        }
        failures++;
        String failure = status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        if (status.getCause() != null) {
            // gRPC reports a message it could not read as CANCELLED "Failed to read message."; the reader's own
            // status (a malformed push: which byte, which field) is its cause.
            Status cause = Status.fromThrowable(status.getCause());
            failure += " (" + cause.getCode() + (cause.getDescription() == null ? "" : ": " + cause.getDescription()) + ")";
        }
        health = new ClientHealth(ConnectionState.DISCONNECTED, failures, failure);
        Duration delay = options.backoff().delay(failures, random);
        LOG.info("stream to control plane ended ({}); keeping version '{}', retrying in {} ms", failure,
                applied.version(), delay.toMillis());
        thread.schedule(this::connect, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void send(ClientCall<ProxyRequest, ?> call, ProxyMessage message) {
        call.sendMessage(message.toRequest());
    }

    /** Callbacks of one stream; those of a stream that is no longer current are ignored. */
    private final class Attempt extends ClientCall.Listener<Push> {
        private final ClientCall<ProxyRequest, Push> call;

        Attempt(ClientCall<ProxyRequest, Push> call) {
            this.call = call;
        }

        @Override
        public void onHeaders(Metadata headers) {
            if (attempt == this) {
                failures = 0;
                health = new ClientHealth(ConnectionState.CONNECTED, 0, health.lastFailure());
            }
        }

        @Override
        public void onMessage(Push push) {
            if (attempt == this && !closed) {
                handle(call, push);
            }
        }

        @Override
        public void onClose(Status status, Metadata trailers) {
            if (attempt == this) {
                ended(status);
            }
        }
    }
}
