package io.tollgate.identity;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads a certificate's subject alternative names, where a SPIFFE identity lives (as the one URI name). */
public final class SubjectAltNames {
    // GeneralName tags from RFC 5280 section 4.2.1.6, as the JDK reports them.
    private static final int DNS = 2;
    private static final int URI = 6;
    private static final int IP = 7;

    private SubjectAltNames() {
    }

    /** The URI names, in certificate order; empty when there are none. */
    public static List<String> uris(X509Certificate certificate) throws CertificateParsingException {
        List<String> uris = new ArrayList<>();
        for (List<?> name : entries(certificate)) {
            if (((Integer) name.get(0)) == URI) {
                uris.add((String) name.get(1));
            }
        }
        return uris;
    }

    /** Every name as openssl prints it ({@code URI:...}, {@code DNS:...}, {@code IP Address:...}), for display. */
    public static List<String> describe(X509Certificate certificate) throws CertificateParsingException {
        List<String> names = new ArrayList<>();
        for (List<?> name : entries(certificate)) {
            String prefix = switch ((Integer) name.get(0)) {
                case DNS -> "DNS:";
                case URI -> "URI:";
                case IP -> "IP Address:";
                default -> "name type " + name.get(0) + ":";
            };
            names.add(prefix + (name.get(1) instanceof String text ? text : "<binary>"));
        }
        return names;
    }

    private static Collection<List<?>> entries(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        return names == null ? List.of() : names;
    }
}
