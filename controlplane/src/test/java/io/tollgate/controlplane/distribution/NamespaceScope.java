package io.tollgate.controlplane.distribution;

import java.util.List;

/** Test scope: a proxy sees the documents of its own namespace and the cluster-wide ones. */
public final class NamespaceScope implements ProxyScope<YamlTestValidator.Namespaces> {
    @Override
    public List<ConfigDocument> documents(ScopeKey proxy, ValidatedConfig<YamlTestValidator.Namespaces> config) {
        return config.documents().stream()
                .filter(d -> {
                    String ns = config.parsed().of(d);
                    return ns.isEmpty() || ns.equals(proxy.namespace());
                })
                .toList();
    }
}
