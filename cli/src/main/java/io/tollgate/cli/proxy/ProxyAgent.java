package io.tollgate.cli.proxy;

import io.tollgate.dataplane.observe.ProxyMetrics;
import io.tollgate.identity.SpiffeId;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * What a caller sees of either proxy agent besides its data path: the configuration version it runs, its identity,
 * its admin endpoint and metrics, and closing it. The two agents differ only in their servers.
 *
 * <p>Threads: every public method may be called from any thread.
 */
public abstract sealed class ProxyAgent implements AutoCloseable permits GatewayAgent, SidecarAgent {
    final AgentCore core;
    private final Duration drain;

    ProxyAgent(AgentCore core, Duration drain) {
        this.core = core;
        this.drain = drain;
    }

    /** True while the server runs and accepts: what {@code /ready} says. */
    public abstract boolean ready();

    /** Drains and stops the data path, if it was started; called once, after configuration has stopped. */
    abstract void shutdown(Duration limit);

    /** The configuration version running now (the control plane's label). */
    public String appliedVersion() {
        return core.applied.current();
    }

    /** Waits until {@code version} runs; false if it does not within {@code limit}. */
    public boolean awaitVersion(String version, Duration limit) {
        return core.awaitVersion(version, limit);
    }

    /**
     * {@code listener} hears each configuration version after it runs (not the one running when this is called),
     * on the configuration thread; it must be quick and must not throw. A pod rewrites its hosts file here.
     */
    public void onApplied(Consumer<String> listener) {
        core.onApplied(listener);
    }

    public InetSocketAddress adminAddress() {
        return core.adminAddress();
    }

    public SpiffeId identity() {
        return core.identity.identity();
    }

    /** The counters behind {@code /metrics}, for callers that watch a number. */
    public ProxyMetrics metrics() {
        return core.metrics;
    }

    /** Stops taking configuration, drains open connections for the configured time, and releases everything. */
    @Override
    public void close() {
        close(drain);
    }

    public void close(Duration limit) {
        core.closeAgent(limit, this::shutdown);
    }
}
