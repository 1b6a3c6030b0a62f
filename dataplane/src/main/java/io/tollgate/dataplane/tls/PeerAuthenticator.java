package io.tollgate.dataplane.tls;

import io.tollgate.identity.SpiffeId;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * Decides whether a presented certificate chain is a mesh workload, and which. The identity module's trust
 * bundle and SPIFFE checks sit behind this seam.
 */
@FunctionalInterface
public interface PeerAuthenticator {

    /**
     * Validates {@code chain} (leaf first) up to a trusted root and returns the leaf's SPIFFE ID.
     *
     * @throws CertificateException naming what is wrong: untrusted, expired, no or several SPIFFE URIs, ...
     */
    SpiffeId authenticate(X509Certificate[] chain) throws CertificateException;
}
