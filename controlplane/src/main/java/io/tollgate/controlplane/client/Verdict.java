package io.tollgate.controlplane.client;

import java.util.Objects;

/** A proxy's answer to a snapshot: it runs it now, or it cannot and keeps its previous one. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    static Verdict accept() {
        return new Accepted();
    }

    /** @param reason what the proxy could not compile, reported to the control plane in the NACK */
    static Verdict reject(String reason) {
        return new Rejected(reason);
    }

    record Accepted() implements Verdict {
    }

    record Rejected(String reason) implements Verdict {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
