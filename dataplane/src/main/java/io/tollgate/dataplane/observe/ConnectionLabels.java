package io.tollgate.dataplane.observe;

/**
 * The labels of Istio's TCP metrics for one connection. Unknown values are {@code "unknown"}, as Istio writes them.
 *
 * @param sourceNamespace    the peer's namespace from its SPIFFE ID
 * @param sourcePrincipal    the peer's SPIFFE ID, {@code spiffe://td/ns/NS/sa/SA}
 * @param destinationService the routed destination {@code host:port}
 * @param responseFlags      {@link ResponseFlag#code()}
 */
public record ConnectionLabels(String sourceNamespace, String sourcePrincipal, String destinationService,
                               String responseFlags) {
    public static final String UNKNOWN = "unknown";

    public ConnectionLabels {
        sourceNamespace = orUnknown(sourceNamespace);
        sourcePrincipal = orUnknown(sourcePrincipal);
        destinationService = orUnknown(destinationService);
        responseFlags = responseFlags == null ? ResponseFlag.NONE.code() : responseFlags;
    }

    private static String orUnknown(String value) {
        return value == null || value.isEmpty() ? UNKNOWN : value;
    }
}
