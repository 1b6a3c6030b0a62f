package io.tollgate.dataplane.tls;

import io.tollgate.identity.PeerRejectedException;
import io.tollgate.identity.PeerVerifier;
import io.tollgate.identity.SpiffeId;

import java.nio.ByteBuffer;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link PeerVerifier} with a memory: a chain it accepted once is accepted again without redoing the PKIX path
 * check, as long as every certificate of it is still inside its validity window. Every connection of a session
 * resumed from one peer presents the same chain, and path validation (an ECDSA verification and a certificate
 * parse in Java) was the largest part of a proxy's Java CPU per connection.
 *
 * <p>Sound because the answer depends only on the chain's bytes, the verifier (one instance per trust bundle and
 * alias set: a new verifier gets a new cache) and the time, which is checked on every hit against the chain's
 * window. Rejections are not remembered: they are rare and their reason is reported each time. Bounded: past
 * {@link #CAPACITY} chains the memory starts over.
 *
 * <p>Thread-safe; shared by every event loop of a TLS context.
 */
final class VerifiedChains {
    static final int CAPACITY = 1_024;

    private final PeerVerifier verifier;
    private final Clock clock;
    private final Map<ByteBuffer, Verified> accepted = new ConcurrentHashMap<>();

    /** What a chain was found to be, and the window in which all of its certificates are valid. */
    private record Verified(SpiffeId identity, Instant notBefore, Instant notAfter) {
        boolean validAt(Instant now) {
            return !now.isBefore(notBefore) && !now.isAfter(notAfter);
        }
    }

    /** @param clock the verifier's notion of now (the proxies verify with the system clock) */
    VerifiedChains(PeerVerifier verifier, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    PeerVerifier verifier() {
        return verifier;
    }

    /** The chain's identity, as {@link PeerVerifier#verify(X509Certificate[])} says, from memory when it can. */
    SpiffeId verify(X509Certificate[] chain) throws PeerRejectedException {
        ByteBuffer key = key(chain);
        if (key != null) {
            Verified known = accepted.get(key);
            if (known != null && known.validAt(clock.instant())) {
                return known.identity();
            }
        }
        SpiffeId identity = verifier.verify(chain);
        if (key != null) {
            if (accepted.size() >= CAPACITY) {
                accepted.clear();
            }
            accepted.put(key, window(identity, chain));
        }
        return identity;
    }

    /** The chain's DER, end to end; null if a certificate cannot be encoded (then it is verified every time). */
    private static ByteBuffer key(X509Certificate[] chain) {
        try {
            byte[][] encoded = new byte[chain.length][];
            int length = 0;
            for (int i = 0; i < chain.length; i++) {
                encoded[i] = chain[i].getEncoded();
                length += encoded[i].length + 4;
            }
            ByteBuffer key = ByteBuffer.allocate(length);
            for (byte[] certificate : encoded) {
                // Length-prefixed, so two different chains can never concatenate to the same bytes.
                key.putInt(certificate.length).put(certificate);
            }
            return key.flip();
        } catch (CertificateEncodingException e) {
            return null;
        }
    }

    private static Verified window(SpiffeId identity, X509Certificate[] chain) {
        Instant notBefore = Instant.MIN;
        Instant notAfter = Instant.MAX;
        for (X509Certificate certificate : chain) {
            Instant from = certificate.getNotBefore().toInstant();
            Instant until = certificate.getNotAfter().toInstant();
            notBefore = from.isAfter(notBefore) ? from : notBefore;
            notAfter = until.isBefore(notAfter) ? until : notAfter;
        }
        return new Verified(identity, notBefore, notAfter);
    }
}
