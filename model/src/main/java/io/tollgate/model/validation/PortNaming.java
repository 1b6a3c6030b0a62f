package io.tollgate.model.validation;

import io.tollgate.model.networking.Port;
import io.tollgate.model.networking.Protocol;

import java.util.Locale;
import java.util.Optional;

/**
 * Istio names ports {@code <protocol>[-<suffix>]} and reads the protocol from the name when none is declared.
 * A name that says one family (HTTP) while the declared protocol is another (TLS) misleads readers and tools,
 * as the seed's {@code http-0} on a TLS port does: a warning, never an error (Istio admits it).
 */
final class PortNaming {
    private PortNaming() {
    }

    static void check(Port port, FieldPath path, Findings findings) {
        if (port.protocol().isEmpty() || port.name().isEmpty()) {
            return;
        }
        int dash = port.name().indexOf('-');
        Optional<Protocol> named = Protocol.parse(dash < 0 ? port.name() : port.name().substring(0, dash));
        Protocol declared = port.protocol().get();
        if (named.isPresent() && family(named.get()) != family(declared)) {
            findings.warning(path.field("name"), "port name \"" + port.name() + "\" says " + named.get()
                    + " but the port's protocol is " + declared + "; name it after its protocol, e.g. \""
                    + declared.name().toLowerCase(Locale.ROOT) + "-" + port.number() + "\"");
        }
    }

    private enum Family { HTTP, TLS, OPAQUE, UDP }

    private static Family family(Protocol p) {
        if (p.isHttp()) {
            return Family.HTTP;
        }
        if (p.isTls()) {
            return Family.TLS;
        }
        return p == Protocol.UDP ? Family.UDP : Family.OPAQUE;
    }
}
