package io.tollgate.controlplane.distribution;

/**
 * A document with its {@link DocumentId} in hex, so a later {@link PushKind#DELTA} push can name it for removal
 * without repeating it.
 */
public record PushedDocument(String id, ConfigDocument document) {
}
