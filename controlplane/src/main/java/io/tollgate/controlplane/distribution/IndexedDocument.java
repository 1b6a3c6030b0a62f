package io.tollgate.controlplane.distribution;

/**
 * A document with its id computed once. Versions reuse the instance of every unchanged document, so SHA-256 runs
 * only over what changed and unchanged documents compare by identity.
 */
record IndexedDocument(DocumentId id, PushedDocument pushed) {
    static IndexedDocument of(ConfigDocument document) {
        DocumentId id = DocumentId.of(document);
        return new IndexedDocument(id, new PushedDocument(id.hex(), document));
    }
}
