package io.tollgate.identity;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A workload identity in Istio's SPIFFE form, {@code spiffe://<trustDomain>/ns/<namespace>/sa/<serviceAccount>}.
 * {@link #parse} and {@link #toString} round-trip exactly.
 */
public record SpiffeId(String trustDomain, String namespace, String serviceAccount) {
    public static final String SCHEME = "spiffe://";
    private static final Pattern TRUST_DOMAIN = Pattern.compile("[a-z0-9._-]+");
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    public SpiffeId {
        Objects.requireNonNull(trustDomain, "trustDomain");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        if (!TRUST_DOMAIN.matcher(trustDomain).matches()) {
            throw new IllegalArgumentException("trust domain '" + trustDomain + "' must be lower-case letters, digits, '.', '-' or '_'");
        }
        if (!SEGMENT.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace '" + namespace + "' is not a valid path segment");
        }
        if (!SEGMENT.matcher(serviceAccount).matches()) {
            throw new IllegalArgumentException("service account '" + serviceAccount + "' is not a valid path segment");
        }
    }

    /** Parses {@code spiffe://td/ns/NS/sa/SA}; throws {@link IllegalArgumentException} naming what is wrong. */
    public static SpiffeId parse(String uri) {
        if (uri == null || !uri.startsWith(SCHEME)) {
            throw new IllegalArgumentException("'" + uri + "' is not a SPIFFE ID: it must start with " + SCHEME);
        }
        String[] parts = uri.substring(SCHEME.length()).split("/", -1);
        if (parts.length != 5 || !parts[1].equals("ns") || !parts[3].equals("sa")) {
            throw new IllegalArgumentException("'" + uri + "' is not of the form spiffe://TRUST_DOMAIN/ns/NAMESPACE/sa/SERVICE_ACCOUNT");
        }
        return new SpiffeId(parts[0], parts[2], parts[4]);
    }

    /** The identity as Istio's AuthorizationPolicy {@code principals} see it: without the {@code spiffe://} scheme. */
    public String principal() {
        return trustDomain + "/ns/" + namespace + "/sa/" + serviceAccount;
    }

    @Override
    public String toString() {
        return SCHEME + principal();
    }
}
