package io.tollgate.controlplane.distribution;

import io.grpc.Status;
import io.tollgate.controlplane.status.ProxyStatus;
import io.tollgate.controlplane.status.RejectedConfig;
import io.tollgate.controlplane.status.StatusReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Holds the configuration in force and brings every connected proxy to it. A new version is indexed once, then
 * each proxy's scope is compared by digest and only proxies whose scoped content changed are pushed, with a delta
 * from what they last received.
 *
 * <p>Threads: {@link #accepted} and {@link #rejected} come from the configuration source's thread; streams
 * register and unregister on gRPC threads; {@link #status()} from any thread.
 */
public final class ConfigDistributor<T> implements ConfigSink<T> {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigDistributor.class);

    private final ProxyScope<T> scope;
    private final Clock clock;
    private final AtomicReference<ConfigState<T>> state;
    private final Set<ProxyStream> streams = ConcurrentHashMap.newKeySet();

    public ConfigDistributor(ValidatedConfig<T> initial, ProxyScope<T> scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
        this.state = new AtomicReference<>(new ConfigState<>(new Publication<>(initial, scope, null), null));
    }

    /**
     * A distributor without a version yet, for a control plane that serves while its files load: streams are
     * accepted and their hellos kept, and the first {@link #accepted} version goes to all of them at once.
     */
    public ConfigDistributor(ProxyScope<T> scope, Clock clock) {
        this.scope = scope;
        this.clock = clock;
        this.state = new AtomicReference<>(new ConfigState<>(null, null));
    }

    /**
     * The configuration in force.
     *
     * @throws IllegalStateException before the first version
     */
    public ValidatedConfig<T> current() {
        Publication<T> publication = state.get().publication();
        if (publication == null) {
            throw new IllegalStateException("no configuration has been accepted yet");
        }
        return publication.config();
    }

    /**
     * Makes {@code config} the version in force and pushes it to every proxy whose scope changed. Returns once
     * every push is handed to the transport. Synchronized so that two versions are never pushed interleaved.
     */
    @Override
    public synchronized void accepted(ValidatedConfig<T> config) {
        long started = System.nanoTime();
        Publication<T> publication = new Publication<>(config, scope, state.get().publication());
        state.set(new ConfigState<>(publication, null));
        for (ProxyStream stream : streams) {
            stream.sync();
        }
        LOG.info("version {} in force ({} documents); {} proxies brought up to date in {} ms", config.version(),
                config.documents().size(), streams.size(), (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void rejected(Rejection rejection) {
        ConfigState<T> now = state.updateAndGet(s -> new ConfigState<>(s.publication(), rejection));
        LOG.warn("refused configuration {} ({} problems); version {} stays in force:\n  {}", rejection.contentHash(),
                rejection.diagnostics().size(), now.publication() == null ? "(none)" : now.publication().version(),
                String.join("\n  ", rejection.diagnostics()));
    }

    /** The version in force, the pending rejection if any, and every connected proxy. */
    public StatusReport status() {
        ConfigState<T> now = state.get();
        Rejection rejection = now.rejection();
        RejectedConfig rejected = rejection == null ? null
                : new RejectedConfig(rejection.attemptedAt().toString(), rejection.contentHash(), rejection.diagnostics());
        List<ProxyStatus> proxies = streams.stream()
                .filter(ProxyStream::isOpen)
                .map(ProxyStream::status)
                .sorted(Comparator.comparing(ProxyStatus::namespace).thenComparing(ProxyStatus::id))
                .toList();
        String version = now.publication() == null ? "" : now.publication().version();
        return new StatusReport(version, clock.instant().toString(), rejected, proxies);
    }

    /** The publication in force; null before the first version. */
    Publication<T> publication() {
        return state.get().publication();
    }

    /** Registered before the stream is opened, so that no version published in between can miss it. */
    void register(ProxyStream stream) {
        streams.add(stream);
    }

    void unregister(ProxyStream stream) {
        streams.remove(stream);
    }

    /** Ends every stream, e.g. when the server stops; proxies keep their configuration and reconnect. */
    void closeAll(Status status) {
        for (ProxyStream stream : streams) {
            stream.close(status);
        }
        streams.clear();
    }
}
