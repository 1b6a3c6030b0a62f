package io.tollgate.cli.proxy;

import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.TrustBundle;
import io.tollgate.identity.WorkloadCredentials;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Which mesh peers a proxy's TLS accepts: chains ending at the roots its own certificate came with, identities of
 * its trust domain or the mesh config's {@code trustDomainAliases}. A renewal that brings new roots, or a
 * configuration with new aliases, hands the TLS side a new {@link PeerVerifier}; nothing else does.
 *
 * <p>Called from the renewal thread and the configuration thread, hence synchronized; both are rare.
 */
final class PeerTrust {
    private final String trustDomain;
    private final Clock clock;
    private TrustBundle bundle;
    private List<String> aliases = List.of();
    private PeerVerifier verifier;
    private Consumer<PeerVerifier> sink = verifier -> {
    };

    PeerTrust(WorkloadCredentials initial, Clock clock) {
        this.trustDomain = initial.identity().trustDomain();
        this.clock = clock;
        this.bundle = initial.trustBundle();
        this.verifier = build();
    }

    synchronized PeerVerifier verifier() {
        return verifier;
    }

    /** From now on, every new verifier goes to {@code newSink} (the TLS context's {@code trust}). */
    synchronized void follow(Consumer<PeerVerifier> newSink) {
        this.sink = Objects.requireNonNull(newSink);
    }

    synchronized void bundle(TrustBundle next) {
        if (!next.equals(bundle)) {
            bundle = next;
            rebuild();
        }
    }

    synchronized void aliases(List<String> next) {
        if (!next.equals(aliases)) {
            aliases = List.copyOf(next);
            rebuild();
        }
    }

    private void rebuild() {
        verifier = build();
        sink.accept(verifier);
    }

    private PeerVerifier build() {
        return PeerVerifier.forMesh(bundle, trustDomain, aliases, clock);
    }
}
