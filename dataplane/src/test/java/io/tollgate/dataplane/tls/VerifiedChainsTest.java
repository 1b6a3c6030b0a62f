package io.tollgate.dataplane.tls;

import io.tollgate.dataplane.testing.TestPki;
import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;
import io.tollgate.identity.WorkloadCredentials;
import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedChainsTest {
    private static final SpiffeId CLIENT = new SpiffeId("cluster.local", "demo-server", "default");
    private final TestPki mesh = new TestPki();

    @Test
    void aRememberedChainIsStillRefusedOnceItsCertificateHasExpired() throws Exception {
        WorkloadCredentials client = mesh.credentials(CLIENT);
        X509Certificate[] chain = client.chain().toArray(X509Certificate[]::new);
        AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
        Clock clock = clockAt(now);
        VerifiedChains chains = new VerifiedChains(PeerVerifier.forMesh(mesh.trustBundle(), TestPki.TRUST_DOMAIN,
                List.of(), clock), clock);

        assertThat(chains.verify(chain)).isEqualTo(CLIENT);
        assertThat(chains.verify(chain)).as("answered again, from memory").isEqualTo(CLIENT);

        now.set(client.notAfter().plus(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> chains.verify(chain)).isInstanceOf(PeerRejectedException.class);
    }

    @Test
    void aChainFromAnotherRootIsRefusedEveryTime() {
        TestPki stranger = new TestPki();
        X509Certificate[] foreign = stranger.credentials(CLIENT).chain().toArray(X509Certificate[]::new);
        VerifiedChains chains = new VerifiedChains(mesh.verifier(), Clock.systemUTC());

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> chains.verify(foreign)).isInstanceOfSatisfying(PeerRejectedException.class,
                    e -> assertThat(e.reason()).isEqualTo(PeerRejectedException.Reason.UNTRUSTED_CA));
        }
    }

    @Test
    void twoIdentitiesAreRememberedApart() throws Exception {
        SpiffeId other = new SpiffeId("cluster.local", "demo-frontend", "default");
        VerifiedChains chains = new VerifiedChains(mesh.verifier(), Clock.systemUTC());
        X509Certificate[] first = mesh.credentials(CLIENT).chain().toArray(X509Certificate[]::new);
        X509Certificate[] second = mesh.credentials(other).chain().toArray(X509Certificate[]::new);

        assertThat(chains.verify(first)).isEqualTo(CLIENT);
        assertThat(chains.verify(second)).isEqualTo(other);
        assertThat(chains.verify(first)).isEqualTo(CLIENT);
    }

    private static Clock clockAt(AtomicReference<Instant> now) {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
    }
}
