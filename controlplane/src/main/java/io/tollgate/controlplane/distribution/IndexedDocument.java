package io.tollgate.controlplane.distribution;

/**
 * A document with its id and its JSON form ({@link PushedDocument} as a push carries it) computed once. Versions
 * reuse the instance of every unchanged document, so SHA-256 and JSON encoding run only over what changed, pushes
 * are assembled by copying bytes, and unchanged documents compare by identity.
 *
 * @param json the UTF-8 JSON of {@link #pushed}; never modified (records do not copy arrays, so nobody may)
 */
record IndexedDocument(DocumentId id, PushedDocument pushed, byte[] json) {
    static IndexedDocument of(ConfigDocument document) {
        DocumentId id = DocumentId.of(document);
        PushedDocument pushed = new PushedDocument(id.hex(), document);
        return new IndexedDocument(id, pushed, PushEncoding.json(pushed));
    }
}
