package io.tollgate.identity;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Mints and checks join tokens: single-use bearer credentials, each for one identity, MAC'd with a 256-bit key
 * kept in the state directory (mode 0600). Whoever can read that directory can mint; nobody else can. As an
 * {@link Attestor} it checks, in order: form, MAC (forged), CA root (wrong CA), expiry, identity, and finally
 * redeems the token in the on-disk record (replay), so a token is used up only by a request it fully admits.
 * Thread-safe.
 */
public final class JoinTokens implements Attestor {
    /** Tokens are for bootstrapping, not standing credentials; kubeadm's bootstrap tokens default to a day. */
    public static final Duration MAX_TTL = Duration.ofDays(7);
    private static final String MAC_ALGORITHM = "HmacSHA256";
    private static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final Fingerprint caRoot;
    private final RedeemedTokens redeemed;
    private final Clock clock;

    private JoinTokens(SecretKeySpec key, Fingerprint caRoot, RedeemedTokens redeemed, Clock clock) {
        this.key = key;
        this.caRoot = caRoot;
        this.redeemed = redeemed;
        this.clock = clock;
    }

    /** Opens the token key of the CA in {@code directory}, making one (0600) if there is none yet. */
    public static JoinTokens open(CaDirectory directory, Fingerprint caRoot, Clock clock) throws CredentialException {
        Objects.requireNonNull(caRoot, "caRoot");
        Objects.requireNonNull(clock, "clock");
        var keyFile = directory.joinTokenKey();
        try {
            if (!Files.exists(keyFile)) {
                byte[] fresh = new byte[KEY_BYTES];
                RANDOM.nextBytes(fresh);
                AtomicFile.writeOwnerOnly(keyFile, fresh);
            }
        } catch (IOException e) {
            throw new CredentialException(keyFile + ": cannot write: " + e, e);
        }
        byte[] key = AtomicFile.readOwnerOnly(keyFile);
        if (key.length != KEY_BYTES) {
            throw new CredentialException(keyFile + ": holds " + key.length + " bytes, not a " + KEY_BYTES + "-byte key");
        }
        return new JoinTokens(new SecretKeySpec(key, MAC_ALGORITHM), caRoot, new RedeemedTokens(directory, clock), clock);
    }

    /** A new single-use token admitting {@code identity} until now + {@code ttl}. */
    public String mint(SpiffeId identity, Duration ttl) {
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("a join token lives more than 0 and at most " + MAX_TTL + ", not " + ttl);
        }
        if (ControlPlaneIdentity.is(identity)) {
            throw new IllegalArgumentException(identity + " is reserved for the control plane; no token can admit it");
        }
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String signedPart = new JoinToken(HexFormat.of().formatHex(id), identity, expiresAt, caRoot).signedPart();
        return JoinToken.withMac(signedPart, mac(signedPart));
    }

    @Override
    public AttestedIdentity attest(String token, SpiffeId requested) throws AttestationException {
        String signedPart = JoinToken.signedPart(token);
        JoinToken claims = JoinToken.readClaims(token);
        if (!MessageDigest.isEqual(mac(signedPart), JoinToken.mac(token))) {
            throw new AttestationException(AttestationException.Reason.FORGED,
                    "join token " + claims.id() + " is forged: its signature does not verify with this control plane's token key");
        }
        if (!claims.caRoot().equals(caRoot)) {
            throw new AttestationException(AttestationException.Reason.WRONG_CA,
                    "join token " + claims.id() + " was minted for CA root " + claims.caRoot() + ", this CA's root is " + caRoot);
        }
        Instant now = clock.instant();
        if (!now.isBefore(claims.expiresAt())) {
            throw new AttestationException(AttestationException.Reason.EXPIRED,
                    "join token " + claims.id() + " expired at " + claims.expiresAt() + " (now " + now.truncatedTo(ChronoUnit.SECONDS) + ")");
        }
        if (!claims.identity().equals(requested)) {
            throw new AttestationException(AttestationException.Reason.IDENTITY_MISMATCH,
                    "join token " + claims.id() + " admits " + claims.identity() + ", but the CSR requests " + requested);
        }
        Optional<Instant> usedAt;
        try {
            usedAt = redeemed.redeem(claims.id(), claims.expiresAt());
        } catch (IOException e) {
            // Fail closed: without the replay record we cannot tell a first use from a replay.
            throw new UncheckedIOException("cannot record the use of join token " + claims.id(), e);
        }
        if (usedAt.isPresent()) {
            throw new AttestationException(AttestationException.Reason.REPLAYED,
                    "join token " + claims.id() + " was already used at " + usedAt.get() + "; tokens are single use");
        }
        return new AttestedIdentity(claims.identity(), "join token " + claims.id());
    }

    private byte[] mac(String signedPart) {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(key);
            return mac.doFinal(signedPart.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is mandatory in every JDK and the key is always 32 bytes.
            throw new IllegalStateException("cannot compute a join-token MAC", e);
        }
    }

    @Override
    public String toString() {
        return "JoinTokens[root " + caRoot + "]"; // never the key
    }
}
