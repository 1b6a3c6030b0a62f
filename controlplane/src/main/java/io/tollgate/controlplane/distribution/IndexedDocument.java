package io.tollgate.controlplane.distribution;

import java.nio.charset.StandardCharsets;

/**
 * A document with its id and its wire form ({@link PushFormat}: id, source, line, text) computed once. Versions
 * reuse the instance of every unchanged document, so SHA-256 and the layout run only over what changed, pushes are
 * assembled by copying bytes, and unchanged documents compare by identity.
 *
 * @param bytes the document as a push carries it; never modified (records do not copy arrays, so nobody may)
 */
record IndexedDocument(DocumentId id, ConfigDocument document, byte[] bytes) {
    static IndexedDocument of(ConfigDocument document) {
        // Each text is encoded to UTF-8 once, for the hash and the layout both.
        byte[] source = document.source().getBytes(StandardCharsets.UTF_8);
        byte[] yaml = document.yaml().getBytes(StandardCharsets.UTF_8);
        DocumentId id = DocumentId.of(source, document.line(), yaml);
        return new IndexedDocument(id, document, PushEncoding.document(id, source, document.line(), yaml));
    }
}
