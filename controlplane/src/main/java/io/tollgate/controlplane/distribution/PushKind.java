package io.tollgate.controlplane.distribution;

/**
 * How a {@link Push} relates to what the proxy received before (xDS's state-of-the-world and incremental
 * variants, on one stream).
 */
public enum PushKind {
    /** The push carries every document of the proxy's scope; whatever the proxy received before is replaced. */
    FULL,
    /**
     * The push carries only documents added since the previous push on this stream, and the ids of documents
     * removed. A one-policy change to 20,000 documents stays one document on the wire.
     */
    DELTA
}
