package io.tollgate.model.load;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code apiVersion}/{@code kind} pairs Tollgate reads, and how it treats the rest: other Kubernetes kinds
 * are skipped with a note; Istio kinds Tollgate does not implement are skipped with a warning (their effect is
 * missing); an unknown kind in an Istio group, or an unserved version of a kind Tollgate reads, is an error.
 */
final class KindCatalog {
    /** A kind Tollgate reads. */
    enum Supported {
        SERVICE_ENTRY("networking.istio.io", "ServiceEntry", KindCatalog.NETWORKING_VERSIONS),
        GATEWAY("networking.istio.io", "Gateway", KindCatalog.NETWORKING_VERSIONS),
        DESTINATION_RULE("networking.istio.io", "DestinationRule", KindCatalog.NETWORKING_VERSIONS),
        VIRTUAL_SERVICE("networking.istio.io", "VirtualService", KindCatalog.NETWORKING_VERSIONS),
        AUTHORIZATION_POLICY("security.istio.io", "AuthorizationPolicy", List.of("v1", "v1beta1")),
        NAMESPACE("", "Namespace", List.of("v1"));

        final String group;
        final String kind;
        final List<String> versions;

        Supported(String group, String kind, List<String> versions) {
            this.group = group;
            this.kind = kind;
            this.versions = versions;
        }

        /** The apiVersions to suggest, newest first. */
        String servedVersions() {
            return String.join(", ", versions.stream().map(v -> group.isEmpty() ? v : group + "/" + v).toList());
        }
    }

    private static final List<String> NETWORKING_VERSIONS = List.of("v1", "v1beta1", "v1alpha3");

    /** Istio's own kinds by group (istio/istio pkg/config/schema), so that a misspelt kind is not skipped quietly. */
    private static final Map<String, Set<String>> ISTIO_KINDS = Map.of(
            "networking.istio.io", Set.of("DestinationRule", "EnvoyFilter", "Gateway", "ProxyConfig", "ServiceEntry",
                    "Sidecar", "VirtualService", "WorkloadEntry", "WorkloadGroup"),
            "security.istio.io", Set.of("AuthorizationPolicy", "PeerAuthentication", "RequestAuthentication"),
            "telemetry.istio.io", Set.of("Telemetry"),
            "extensions.istio.io", Set.of("WasmPlugin", "TrafficExtension"));

    /** What to do with a document of this group and kind. */
    sealed interface Verdict {
        record Read(Supported kind, boolean versionServed) implements Verdict {
        }

        record SkipWithNote(String why) implements Verdict {
        }

        record SkipWithWarning(String why) implements Verdict {
        }

        record UnknownIstioKind(String why) implements Verdict {
        }
    }

    private KindCatalog() {
    }

    static Verdict classify(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        for (Supported s : Supported.values()) {
            if (s.group.equals(group) && s.kind.equals(kind)) {
                return new Verdict.Read(s, s.versions.contains(version));
            }
        }
        for (Supported s : Supported.values()) {
            if (s.kind.equals(kind)) {
                return new Verdict.SkipWithNote("skipped: this is the " + kind + " of " + (group.isEmpty() ? "the core group" : group)
                        + ", not the " + s.kind + " Tollgate reads (" + s.servedVersions().split(", ")[0] + ")");
            }
        }
        Optional<Set<String>> istioGroup = Optional.ofNullable(ISTIO_KINDS.get(group));
        if (istioGroup.isPresent() && !istioGroup.get().contains(kind)) {
            return new Verdict.UnknownIstioKind("unknown kind " + kind + " in " + group + " (Istio's kinds there are "
                    + String.join(", ", istioGroup.get().stream().sorted().toList()) + ")");
        }
        if (group.endsWith("istio.io")) {
            return new Verdict.SkipWithWarning("Tollgate does not implement " + kind + " (" + apiVersion
                    + "); skipped, so it has no effect here although it would in Istio");
        }
        return new Verdict.SkipWithNote("skipped: Tollgate reads only ServiceEntry, Gateway, DestinationRule, "
                + "VirtualService, AuthorizationPolicy and Namespace");
    }
}
