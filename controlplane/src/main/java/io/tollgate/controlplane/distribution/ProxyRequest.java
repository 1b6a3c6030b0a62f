package io.tollgate.controlplane.distribution;

import java.util.Optional;
import java.util.stream.Stream;

/**
 * The wire envelope of a {@link ProxyMessage}: JSON has no sum types, so exactly one field is set.
 * {@link #message()} turns it back into the sealed type, or says what is malformed.
 */
public record ProxyRequest(Hello hello, Ack ack, Nack nack) {

    /** The one message inside, or empty when the envelope holds none or several. */
    public Optional<ProxyMessage> message() {
        var present = Stream.<ProxyMessage>of(hello, ack, nack).filter(m -> m != null).toList();
        return present.size() == 1 ? Optional.of(present.getFirst()) : Optional.empty();
    }
}
