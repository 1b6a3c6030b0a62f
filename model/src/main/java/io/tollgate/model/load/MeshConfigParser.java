package io.tollgate.model.load;

import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.validation.FieldPath;

import java.util.List;
import java.util.Optional;

/**
 * Reads a mesh config document in Istio's MeshConfig field names (the {@code mesh} key of the {@code istio}
 * ConfigMap, or {@code meshConfig} of an IstioOperator / Helm values). Fields Tollgate uses are read; the other
 * fields Istio defines are accepted with a warning that they have no effect; anything else is an error.
 */
final class MeshConfigParser {
    /** MeshConfig's fields (istio/api mesh/v1alpha1/config.proto) that Tollgate does not apply. */
    private static final List<String> UNUSED_FIELDS = List.of("proxyListenPort", "proxyInboundListenPort",
            "proxyHttpPort", "connectTimeout", "hboneIdleTimeout", "protocolDetectionTimeout", "tcpKeepalive",
            "ingressClass", "ingressService", "ingressControllerMode", "ingressSelector", "enableTracing",
            "accessLogFile", "accessLogFormat", "accessLogEncoding", "enableEnvoyAccessLogService",
            "disableEnvoyListenerLog", "defaultConfig", "inboundTrafficPolicy", "configSources", "enableAutoMtls",
            "caCertificates", "defaultServiceExportTo", "defaultVirtualServiceExportTo",
            "defaultDestinationRuleExportTo", "localityLbSetting", "zoneAwareLbSetting", "dnsRefreshRate",
            "h2UpgradePolicy", "inboundClusterStatName", "outboundClusterStatName", "certificates",
            "serviceSettings", "serviceScopeConfigs", "enablePrometheusMerge", "verifyCertificateAtClient", "ca",
            "extensionProviders", "defaultProviders", "discoverySelectors", "pathNormalization",
            "defaultHttpRetryPolicy", "meshMTLS", "tlsDefaults", "defaultTrafficPolicy", "serviceEntryVisibility");

    private MeshConfigParser() {
    }

    static MeshConfig parse(MappingReader m) {
        if (m.has("meshConfig") || m.has("mesh")) {
            String wrapper = m.has("meshConfig") ? "meshConfig" : "mesh";
            m.findings().error(m.path().field(wrapper), "the mesh config file holds MeshConfig's fields at its top level; "
                    + "move the content of " + wrapper + " up one level");
            m.ignore(wrapper);
        }
        if (m.has("kind") || m.has("apiVersion")) {
            m.findings().error(FieldPath.of(m.has("kind") ? "kind" : "apiVersion"),
                    "this is a Kubernetes resource; --mesh-config takes MeshConfig fields (rootNamespace, trustDomain, "
                            + "outboundTrafficPolicy, ...), and resources go in -f");
            m.ignore("kind", "apiVersion", "metadata", "data", "spec");
        }
        String rootNamespace = m.string("rootNamespace").orElse(MeshConfig.DEFAULT.rootNamespace());
        String trustDomain = m.string("trustDomain").orElse(MeshConfig.DEFAULT.trustDomain());
        List<String> aliases = m.strings("trustDomainAliases");
        MeshConfig.OutboundTrafficPolicy outbound = m.object("outboundTrafficPolicy", MeshConfigParser::outbound)
                .flatMap(o -> o).orElse(MeshConfig.DEFAULT.outboundTrafficPolicy());
        for (String field : UNUSED_FIELDS) {
            if (m.has(field)) {
                m.findings().warning(m.path().field(field), "Tollgate does not use " + field + "; it has no effect");
            }
            m.raw(field, Shape.ANY);
        }
        return new MeshConfig(rootNamespace, trustDomain, aliases, outbound, m.location());
    }

    private static Optional<MeshConfig.OutboundTrafficPolicy> outbound(MappingReader o) {
        if (o.has("tls")) {
            o.findings().warning(o.path().field("tls"), "Tollgate does not use outboundTrafficPolicy.tls; it has no effect");
        }
        o.raw("tls", Shape.ANY);
        Optional<String> mode = o.string("mode");
        if (mode.isEmpty()) {
            return Optional.empty();
        }
        return switch (mode.get()) {
            case "ALLOW_ANY" -> Optional.of(MeshConfig.OutboundTrafficPolicy.ALLOW_ANY);
            case "REGISTRY_ONLY" -> Optional.of(MeshConfig.OutboundTrafficPolicy.REGISTRY_ONLY);
            case "ALLOW_ANY_DYNAMIC_DNS" -> {
                o.findings().error(o.path().field("mode"), "ALLOW_ANY_DYNAMIC_DNS is not supported by Tollgate; "
                        + "use ALLOW_ANY or REGISTRY_ONLY");
                yield Optional.empty();
            }
            default -> {
                o.findings().error(o.path().field("mode"), "invalid value \"" + mode.get()
                        + "\", must be one of ALLOW_ANY, REGISTRY_ONLY");
                yield Optional.empty();
            }
        };
    }
}
