package io.tollgate.controlplane.distribution;

import io.grpc.ServerCall;
import io.grpc.Status;
import io.tollgate.identity.SpiffeId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.List;

/**
 * Reads one proxy's stream: checks the hello against the caller's certificate, then hands ACKs and NACKs to its
 * {@link ProxyStream}. gRPC calls it on the call's serialized executor, one message at a time; it asks for the next
 * message only after handling the current one.
 */
final class StreamListener extends ServerCall.Listener<ProxyRequest> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamListener.class);

    private final ServerCall<ProxyRequest, EncodedPush> call;
    private final SpiffeId peer;
    private final ConfigDistributor<?> distributor;
    private final Clock clock;
    private final ProxyStream stream;
    // Only touched on the call's serialized executor.
    private boolean opened;

    StreamListener(ServerCall<ProxyRequest, EncodedPush> call, SpiffeId peer, ConfigDistributor<?> distributor,
                   Clock clock) {
        this.call = call;
        this.peer = peer;
        this.distributor = distributor;
        this.clock = clock;
        this.stream = new ProxyStream(call, distributor::publication);
    }

    @Override
    public void onMessage(ProxyRequest request) {
        ProxyMessage message = request.message().orElse(null);
        switch (message) {
            case null -> refuse(Status.INVALID_ARGUMENT, "a request carries exactly one of hello, ack, nack");
            case Hello hello -> hello(hello);
            case Ack ack when opened -> stream.ack(ack);
            case Nack nack when opened -> {
                LOG.warn("proxy {} refused its push {}: {}", peer, nack.nonce(), nack.reason());
                stream.nack(nack);
            }
            case Ack ack -> refuse(Status.INVALID_ARGUMENT, "the first message must be a hello, not an ack");
            case Nack nack -> refuse(Status.INVALID_ARGUMENT, "the first message must be a hello, not a nack");
        }
        if (stream.isOpen()) {
            call.request(1);
        }
    }

    @Override
    public void onReady() {
        stream.sync();
    }

    @Override
    public void onHalfClose() {
        distributor.unregister(stream);
        stream.close(Status.OK);
    }

    @Override
    public void onComplete() {
        distributor.unregister(stream);
        stream.markClosed();
    }

    @Override
    public void onCancel() {
        distributor.unregister(stream);
        stream.markClosed();
        if (opened) {
            LOG.info("proxy {} disconnected", peer);
        }
    }

    private void hello(Hello hello) {
        if (opened) {
            refuse(Status.INVALID_ARGUMENT, "hello sent twice on one stream");
            return;
        }
        ProxyNode node = hello.node();
        List<String> problems = node == null ? List.of("node: missing") : node.problems();
        if (!problems.isEmpty()) {
            refuse(Status.INVALID_ARGUMENT, "malformed hello: " + String.join("; ", problems));
            return;
        }
        if (!node.namespace().equals(peer.namespace()) || !node.serviceAccount().equals(peer.serviceAccount())) {
            // The certificate is the proof; the hello only a claim. A proxy may speak only for its own identity.
            refuse(Status.PERMISSION_DENIED, "certificate identity " + peer + " may not act as a proxy of namespace '"
                    + node.namespace() + "', service account '" + node.serviceAccount() + "'");
            return;
        }
        opened = true;
        distributor.register(stream);
        stream.open(node, hello, clock.instant());
        LOG.info("proxy {} ({} {}) connected holding version '{}'", node.id(), node.kind(), peer, hello.version());
    }

    private void refuse(Status code, String description) {
        LOG.warn("refused stream from {}: {}", peer, description);
        distributor.unregister(stream);
        stream.close(code.withDescription(description));
    }
}
