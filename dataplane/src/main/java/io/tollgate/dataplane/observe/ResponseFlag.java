package io.tollgate.dataplane.observe;

/**
 * Why a connection did not simply run its course, in Envoy's access-log vocabulary where one exists. Istio's
 * metrics carry the same codes in {@code response_flags}.
 */
public enum ResponseFlag {
    /** Nothing went wrong. Envoy writes "-". */
    NONE("-"),
    /** No route for this port or server name: refused, a proxy is never open. */
    NR("NR"),
    /** A destination no ServiceEntry registers, under REGISTRY_ONLY: closed at once. */
    BH("BH"),
    /** An AuthorizationPolicy denied the connection. */
    DENY("DENY"),
    /** The upstream could not be connected (refused, unreachable, connect timeout). */
    UF("UF"),
    /** The upstream ended the connection before any byte was relayed, e.g. a gateway refusing a tunnel stream. */
    UC("UC"),
    /** No upstream address to try: resolution failed, or the target has none. */
    UH("UH"),
    /** The downstream did not speak the expected protocol: bad bytes, failed or timed-out TLS handshake. */
    DPE("DPE");

    private final String code;

    ResponseFlag(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
