package io.tollgate.controlplane.source;

import java.util.List;

/** The result of reading every named file once: all of them, or what stopped it. */
sealed interface SourceRead permits SourceRead.Readable, SourceRead.Unreadable {

    /** A fingerprint of what was seen, so an unchanged state is not validated or reported twice. */
    String fingerprint();

    record Readable(SourceSet set) implements SourceRead {
        @Override
        public String fingerprint() {
            return set.digest();
        }
    }

    /** @param problems each {@code path: problem}; {@code fingerprint} hashes them */
    record Unreadable(List<String> problems, String fingerprint) implements SourceRead {
    }
}
