package io.tollgate.controlplane.status;

/**
 * One connected proxy as the control plane sees it. Optional values are empty strings, never null, so the JSON
 * form and the table need no special cases.
 *
 * @param id             the proxy's own id
 * @param kind           SIDECAR or GATEWAY
 * @param namespace      namespace it claimed (and its certificate proved)
 * @param serviceAccount service account, likewise
 * @param connectedAt    ISO-8601 instant its stream was accepted
 * @param ackedVersion   the version it last acknowledged; empty if none yet
 * @param sync           where it stands against the latest push
 * @param lastNackVersion the version it last refused; empty if it never refused one
 * @param lastNackReason  why, in the proxy's words; empty if it never refused one
 */
public record ProxyStatus(String id, String kind, String namespace, String serviceAccount, String connectedAt,
                          String ackedVersion, SyncState sync, String lastNackVersion, String lastNackReason) {
}
