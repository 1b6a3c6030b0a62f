package io.tollgate.controlplane.distribution;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.tollgate.controlplane.status.ProxyStatus;
import io.tollgate.controlplane.status.SyncState;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.function.Supplier;

/**
 * One proxy's stream: what was sent to it, what it acknowledged, what it refused. The xDS discipline lives here:
 * every push carries a fresh nonce; only an answer to the latest nonce counts; a NACK leaves the proxy on the
 * version it acknowledged before.
 *
 * <p>Threads: {@link #sync()} runs on the publishing thread and on gRPC threads (onReady, hello); answers arrive
 * on the call's serialized gRPC executor; {@link #status()} on any thread. All state is guarded by {@code this},
 * which also serializes every use of the non-thread-safe {@link ServerCall}.
 */
final class ProxyStream {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyStream.class);
    private final ServerCall<ProxyRequest, EncodedPush> call;
    private final Supplier<? extends Publication<?>> current;

    private ProxyNode node;
    private ScopeKey scopeKey;
    private Instant connectedAt;
    private DocumentSet sent;
    private String sentVersion = "";
    private String sentNonce = "";
    private long pushes;
    private String ackedVersion = "";
    private SyncState state = SyncState.NOT_SENT;
    private String nackVersion = "";
    private String nackReason = "";
    /** The proxy's hello until the first version it is judged against. */
    private Hello hello;
    private boolean closed;

    ProxyStream(ServerCall<ProxyRequest, EncodedPush> call, Supplier<? extends Publication<?>> current) {
        this.call = call;
        this.current = current;
    }

    /**
     * Accepts the proxy's hello (already checked against its certificate) and brings it up to date. A proxy that
     * reconnects holding exactly its current scope is not sent the documents again; if only the version label
     * differs it gets an empty delta carrying the new label. Before the control plane's first version (it serves
     * while its files load) the hello is kept, and the first version is judged against it.
     */
    synchronized void open(ProxyNode node, Hello hello, Instant now) {
        if (closed) {
            return; // the server began stopping between registration and now
        }
        this.node = node;
        this.scopeKey = node.scopeKey();
        this.connectedAt = now;
        this.hello = hello;
        // Headers tell the client its hello was accepted, before any push: it resets its reconnect backoff on them.
        call.sendHeaders(new Metadata());
        sync();
    }

    /** Pushes the proxy's scope of the newest version if its content differs from what was last sent. */
    synchronized void sync() {
        if (node == null || closed) {
            return;
        }
        Publication<?> publication = current.get();
        if (publication == null) {
            return; // no version yet: the first one calls sync() again
        }
        DocumentSet target = scoped(publication);
        if (target == null) {
            return;
        }
        if (sent == null && hello != null && !hello.digest().isEmpty() && hello.digest().equals(target.digest().hex())) {
            // The proxy already holds this scope (it reconnected): adopt its state rather than resend everything.
            sent = target;
            sentVersion = hello.version();
            ackedVersion = hello.version();
            state = SyncState.SYNCED;
            hello = null;
            if (!sentVersion.equals(publication.version())) {
                send(publication, target, target);
            }
            return;
        }
        hello = null;
        if (sent != null && sent.digest().equals(target.digest())) {
            return;
        }
        if (!call.isReady()) {
            // The transport still holds earlier pushes; onReady calls sync() again, and by then several versions
            // may have passed: a slow proxy gets one delta to the newest, not a queue of them.
            return;
        }
        send(publication, sent, target);
    }

    synchronized void ack(Ack ack) {
        if (!ack.nonce().equals(sentNonce)) {
            return; // answer to a push that a newer one superseded: xDS ignores it
        }
        ackedVersion = ack.version();
        state = SyncState.SYNCED;
    }

    synchronized void nack(Nack nack) {
        if (!nack.nonce().equals(sentNonce)) {
            return;
        }
        nackVersion = sentVersion;
        nackReason = nack.reason() == null ? "" : nack.reason();
        state = SyncState.NACKED;
    }

    /** Ends the stream from the server's side; a no-op if it already ended. */
    synchronized void close(Status status) {
        if (!closed) {
            closed = true;
            call.close(status, new Metadata());
        }
    }

    /** The client ended the stream (cancelled, or half-closed and answered by {@link #close}). */
    synchronized void markClosed() {
        closed = true;
    }

    synchronized boolean isOpen() {
        return node != null && !closed;
    }

    synchronized ProxyStatus status() {
        return new ProxyStatus(node.id(), node.kind().name(), node.namespace(), node.serviceAccount(),
                connectedAt.toString(), ackedVersion, state, nackVersion, nackReason);
    }

    /**
     * This proxy's scope, or null if computing it failed: then the stream is closed, so the proxy keeps its last
     * good configuration and reconnects, rather than being sent something half-scoped.
     */
    private DocumentSet scoped(Publication<?> publication) {
        try {
            return publication.scopedFor(scopeKey);
        } catch (RuntimeException e) {
            LOG.error("scoping version {} for proxy {} failed", publication.version(), node.id(), e);
            close(Status.INTERNAL.withDescription("the control plane failed to scope configuration for this proxy: " + e));
            return null;
        }
    }

    private void send(Publication<?> publication, DocumentSet from, DocumentSet to) {
        String nonce = Long.toString(++pushes);
        call.sendMessage(new EncodedPush(PushEncoding.head(nonce), publication.body(from, to)));
        sent = to;
        sentVersion = publication.version();
        sentNonce = nonce;
        state = SyncState.STALE;
    }
}
