package io.tollgate.controlplane.distribution;

/**
 * Names a document a {@link PushKind#DELTA} push removes: its id, plus its place, so the proxy finds it by binary
 * search in its canonically ordered documents instead of scanning all of them.
 */
public record RemovedDocument(String id, String source, int line) {
}
