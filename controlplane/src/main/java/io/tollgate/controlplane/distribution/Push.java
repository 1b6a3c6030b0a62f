package io.tollgate.controlplane.distribution;

import java.util.List;

/**
 * What the control plane sends a proxy (xDS's DiscoveryResponse). The proxy answers with an {@link Ack} or a
 * {@link Nack} carrying the same nonce.
 *
 * @param version   the control plane's version label this push brings the proxy to
 * @param nonce     unique on this stream; echoed by the answer, so a late answer to an older push is recognised
 * @param kind      whether {@code documents} replaces what the proxy received or adds to it
 * @param documents the whole scope ({@link PushKind#FULL}) or the documents added ({@link PushKind#DELTA})
 * @param removed   documents removed since the previous push (always empty for FULL)
 * @param digest    {@link SetDigest#hex()} of the whole resulting document set, to check a delta was applied
 *                  to the right base
 */
public record Push(String version, String nonce, PushKind kind, List<PushedDocument> documents, List<RemovedDocument> removed,
                   String digest) {
    public Push {
        documents = documents == null ? List.of() : List.copyOf(documents);
        removed = removed == null ? List.of() : List.copyOf(removed);
    }
}
