package io.tollgate.controlplane.distribution;

import java.util.List;

/**
 * Decides which documents of a configuration one proxy receives (Istio: {@code exportTo}, a sidecar sees what its
 * namespace can see, a gateway what its {@code Gateway} resources select).
 *
 * <p>It sees the proxy only through its {@link ScopeKey}, never its id, so proxies with equal keys share one
 * result. Contract, relied on for speed: a pure function of its arguments that returns documents taken from
 * {@code config.documents()} (the same instances, not copies), whose digests are then computed once per version.
 * Called from several threads at once.
 *
 * <p>A scope that finds a proxy's documents unchanged from the previous version may return the very list it returned
 * then (the same instance): the distributor then reuses what it built from that list instead of indexing it again.
 * It must only do so when every document in it is still in {@code config.documents()}, as the same instance.
 */
@FunctionalInterface
public interface ProxyScope<T> {
    List<ConfigDocument> documents(ScopeKey proxy, ValidatedConfig<T> config);
}
