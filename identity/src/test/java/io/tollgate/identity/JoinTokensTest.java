package io.tollgate.identity;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JoinTokensTest {
    private static final SpiffeId CLIENT = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/mysql-client");
    private static final SpiffeId ADMIN = SpiffeId.parse("spiffe://cluster.local/ns/demo-server/sa/admin");

    @TempDir
    Path temp;
    private final TestClock clock = TestClock.atSystemTime();
    private CaDirectory directory;
    private Fingerprint root;
    private JoinTokens tokens;

    @BeforeEach
    void openCa() throws Exception {
        directory = new CaDirectory(temp.resolve("state"));
        CertificateAuthority ca = CertificateAuthority.initialize(directory, "cluster.local", Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, clock);
        root = Fingerprint.of(ca.root());
        tokens = JoinTokens.open(directory, root, clock);
    }

    @Test
    void aTokenAdmitsItsIdentityAndCarriesTheRootFingerprint() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));

        JoinToken claims = JoinToken.readClaims(token);
        AttestedIdentity attested = tokens.attest(token, CLIENT);

        assertThat(claims.identity()).isEqualTo(CLIENT);
        assertThat(claims.caRoot()).isEqualTo(root);
        assertThat(attested.identity()).isEqualTo(CLIENT);
        assertThat(attested.evidence()).isEqualTo("join token " + claims.id());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.joinTokenKey()))).isEqualTo("rw-------");
    }

    @Test
    void refusesATokenForAnotherIdentityWithoutUsingItUp() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));

        assertRefused(token, ADMIN, AttestationException.Reason.IDENTITY_MISMATCH, "admits " + CLIENT + ", but the CSR requests " + ADMIN);
        assertThat(tokens.attest(token, CLIENT).identity()).isEqualTo(CLIENT);
    }

    @Test
    void refusesAForgedToken() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        String claims = token.substring(0, token.lastIndexOf('.'));
        String forgedMac = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);

        assertRefused(claims + "." + forgedMac, CLIENT, AttestationException.Reason.FORGED, "is forged");
    }

    @Test
    void refusesATokenWhoseClaimsWereEdited() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        JoinToken claims = JoinToken.readClaims(token);
        String edited = new JoinToken(claims.id(), ADMIN, claims.expiresAt(), claims.caRoot()).signedPart() + token.substring(token.lastIndexOf('.'));

        assertRefused(edited, ADMIN, AttestationException.Reason.FORGED, "signature does not verify");
    }

    @Test
    void refusesATokenMintedByAnotherControlPlane() throws Exception {
        CaDirectory other = new CaDirectory(temp.resolve("other"));
        CertificateAuthority otherCa = CertificateAuthority.initialize(other, "cluster.local", Optional.empty(), IssuancePolicy.ISTIO_DEFAULTS, clock);
        String foreign = JoinTokens.open(other, Fingerprint.of(otherCa.root()), clock).mint(CLIENT, Duration.ofHours(1));

        assertRefused(foreign, CLIENT, AttestationException.Reason.FORGED, "is forged");
    }

    @Test
    void refusesAnExpiredToken() {
        String token = tokens.mint(CLIENT, Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(11));

        assertRefused(token, CLIENT, AttestationException.Reason.EXPIRED, "expired at");
    }

    @Test
    void refusesAReplayEvenAfterARestart() throws Exception {
        String token = tokens.mint(CLIENT, Duration.ofHours(1));
        tokens.attest(token, CLIENT);

        assertRefused(token, CLIENT, AttestationException.Reason.REPLAYED, "already used at");
        JoinTokens restarted = JoinTokens.open(directory, root, clock);
        assertThatThrownBy(() -> restarted.attest(token, CLIENT))
                .satisfies(e -> assertThat(((AttestationException) e).reason()).isEqualTo(AttestationException.Reason.REPLAYED));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.redeemedTokens()))).isEqualTo("rw-------");
    }

    @Test
    void eachTokenIsItsOwnSingleUse() throws Exception {
        String first = tokens.mint(CLIENT, Duration.ofHours(1));
        String second = tokens.mint(CLIENT, Duration.ofHours(1));

        tokens.attest(first, CLIENT);

        assertThat(tokens.attest(second, CLIENT).identity()).isEqualTo(CLIENT);
    }

    @Test
    void forgetsUsedTokensOnlyOnceTheyHaveExpired() throws Exception {
        String kept = tokens.mint(CLIENT, Duration.ofDays(7));
        tokens.attest(kept, CLIENT);
        for (int i = 0; i < 300; i++) {
            tokens.attest(tokens.mint(CLIENT, Duration.ofMinutes(1)), CLIENT);
        }
        clock.advance(Duration.ofMinutes(2));

        tokens.attest(tokens.mint(CLIENT, Duration.ofMinutes(1)), CLIENT); // triggers the rewrite

        assertThat(Files.readAllLines(directory.redeemedTokens())).hasSize(2);
        assertRefused(kept, CLIENT, AttestationException.Reason.REPLAYED, "already used");
    }

    @Test
    void refusesMalformedTokens() {
        assertRefused("hello", CLIENT, AttestationException.Reason.MALFORMED, "does not start with tgjoin1.");
        assertRefused("tgjoin1.abc", CLIENT, AttestationException.Reason.MALFORMED, "not of the form");
        assertRefused("tgjoin1.!!!.abc", CLIENT, AttestationException.Reason.MALFORMED, "not base64url");
    }

    @Test
    void refusesToMintForTheControlPlaneOrForTooLong() {
        assertThatThrownBy(() -> tokens.mint(ControlPlaneIdentity.in("cluster.local"), Duration.ofHours(1)))
                .hasMessageContaining("reserved for the control plane");
        assertThatThrownBy(() -> tokens.mint(CLIENT, Duration.ofDays(8))).hasMessageContaining("at most PT168H");
    }

    @Test
    void refusesATokenKeyOthersCanRead() throws Exception {
        Files.setPosixFilePermissions(directory.joinTokenKey(), PosixFilePermissions.fromString("rw-r-----"));

        assertThatThrownBy(() -> JoinTokens.open(directory, root, clock)).hasMessageContaining("chmod 600");
    }

    private void assertRefused(String token, SpiffeId requested, AttestationException.Reason reason, String message) {
        assertThatThrownBy(() -> tokens.attest(token, requested))
                .isInstanceOf(AttestationException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((AttestationException) e).reason()).isEqualTo(reason));
    }
}
