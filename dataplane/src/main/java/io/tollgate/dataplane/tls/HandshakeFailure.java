package io.tollgate.dataplane.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;

import java.nio.channels.ClosedChannelException;
import java.security.cert.CertificateException;
import java.util.Locale;

/**
 * Why a downstream TLS handshake failed, coarse enough to be a metric label. These are expected events on a
 * listening port (scanners, misconfigured clients), counted and logged, never thrown.
 */
public enum HandshakeFailure {
    /** The first bytes were not a TLS record: a plaintext client, or garbage. */
    NOT_TLS("not_tls"),
    /** The handshake did not finish within the handshake timeout. */
    TIMEOUT("timeout"),
    /** The peer's certificate was missing, untrusted, or not a mesh identity. */
    PEER_REJECTED("peer_rejected"),
    /** The peer closed the connection mid-handshake, e.g. after a truncated ClientHello. */
    CLOSED("closed_early"),
    /** Any other TLS protocol error: bad version, no common cipher, malformed message. */
    PROTOCOL("protocol_error");

    private final String label;

    HandshakeFailure(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Reads the cause chain. BoringSSL reports certificate problems as text in an {@code SSLHandshakeException}
     * (e.g. {@code PEER_DID_NOT_RETURN_A_CERTIFICATE}, {@code CERTIFICATE_VERIFY_FAILED}), hence the message test.
     */
    public static HandshakeFailure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof NotSslRecordException) {
                return NOT_TLS;
            }
            if (t instanceof SslHandshakeTimeoutException) {
                return TIMEOUT;
            }
            if (t instanceof CertificateException) {
                return PEER_REJECTED;
            }
            if (t instanceof ClosedChannelException) {
                return CLOSED;
            }
        }
        String message = String.valueOf(failure.getMessage()).toUpperCase(Locale.ROOT);
        if (message.contains("CERTIFICATE")) {
            return PEER_REJECTED;
        }
        if (message.contains("CLOSED")) {
            return CLOSED;
        }
        return PROTOCOL;
    }
}
