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
 */
@FunctionalInterface
public interface ProxyScope<T> {
    List<ConfigDocument> documents(ScopeKey proxy, ValidatedConfig<T> config);
}
