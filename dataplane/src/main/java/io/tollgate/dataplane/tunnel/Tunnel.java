package io.tollgate.dataplane.tunnel;

import io.netty.channel.Channel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One tunnel of a sidecar to a gateway, from its dial to its close: the streams asked of it while it is still
 * connecting wait, and are opened (or told why not) once it is ready. It takes new streams while it is young
 * enough: made under the current TLS generation, its server's certificate still valid, no GOAWAY heard, fewer
 * than {@link TunnelCodec#STREAMS_PER_TUNNEL} streams. A tunnel that takes no more closes when its last stream does.
 *
 * <p>Threading: confined to its event loop, like its streams.
 */
final class Tunnel {
    private enum State { CONNECTING, READY, CLOSED }

    private record Waiting(ConnectTarget target, StreamEnd end, Consumer<TunnelOpen> outcome) {
    }

    private final TunnelKey key;
    private final long generation;
    private final List<Waiting> waiting = new ArrayList<>();
    private State state = State.CONNECTING;
    private Channel channel;
    private TunnelConnection connection;
    private Instant validUntil = Instant.MAX;
    private boolean goingAway;
    private int streams;

    Tunnel(TunnelKey key, long generation) {
        this.key = key;
        this.generation = generation;
    }

    TunnelKey key() {
        return key;
    }

    /** Whether a new stream may go on this tunnel. */
    boolean takes(long currentGeneration, Instant now) {
        return state != State.CLOSED && !goingAway && generation == currentGeneration && now.isBefore(validUntil)
                && streams < TunnelCodec.STREAMS_PER_TUNNEL;
    }

    /** Whether this tunnel will never take a stream again (as opposed to being full for now). */
    boolean outdated(long currentGeneration, Instant now) {
        return goingAway || generation != currentGeneration || !now.isBefore(validUntil);
    }

    boolean closed() {
        return state == State.CLOSED;
    }

    /** Takes no new streams and closes once idle; for a tunnel that {@link #takes} nothing more. */
    void retire() {
        goingAway = true;
        closeIfIdle();
    }

    /** Asks for a stream to {@code target}; {@code outcome} runs on the tunnel's loop. */
    void open(ConnectTarget target, StreamEnd end, Consumer<TunnelOpen> outcome) {
        streams++;
        if (state == State.READY) {
            stream(target, end, outcome);
        } else {
            waiting.add(new Waiting(target, end, outcome));
        }
    }

    /** The handshake is done and the server accepted: open what waited. */
    void ready(Channel tunnel, TunnelConnection handler, Instant serverValidUntil) {
        channel = tunnel;
        connection = handler;
        handler.onStreamClosed(() -> {
            streams--;
            closeIfIdle();
        });
        validUntil = serverValidUntil;
        state = State.READY;
        List<Waiting> ready = List.copyOf(waiting);
        waiting.clear();
        for (Waiting w : ready) {
            stream(w.target(), w.end(), w.outcome());
        }
    }

    /** The tunnel could not be had: tell what waited. */
    void failed(TunnelOpen failure) {
        state = State.CLOSED;
        List<Waiting> failedOnes = List.copyOf(waiting);
        waiting.clear();
        streams -= failedOnes.size();
        failedOnes.forEach(w -> w.outcome().accept(failure));
    }

    /**
     * The server does not take tunnels: the first waiting connection gets {@code connection} as a connection of
     * its own, the others are told to make theirs.
     */
    void unsupported(String why, Channel connection) {
        state = State.CLOSED;
        List<Waiting> all = List.copyOf(waiting);
        waiting.clear();
        streams -= all.size();
        if (all.isEmpty()) {
            connection.close();
            return;
        }
        all.getFirst().outcome().accept(new TunnelOpen.Unsupported(why, Optional.of(connection)));
        all.stream().skip(1).forEach(w -> w.outcome().accept(new TunnelOpen.Unsupported(why, Optional.empty())));
    }

    /** The server sent GOAWAY: streams already open go on, new ones go elsewhere. */
    void goingAway() {
        goingAway = true;
    }

    /** The connection is gone (its streams with it). */
    void closed(String why) {
        if (state == State.CONNECTING) {
            failed(new TunnelOpen.Failed(why));
        }
        state = State.CLOSED;
    }

    private void stream(ConnectTarget target, StreamEnd end, Consumer<TunnelOpen> outcome) {
        Optional<TunnelStream> opened = connection.open(ConnectHeaders.request(target.host(), target.port()), end);
        if (opened.isEmpty()) {
            streams--;
            outcome.accept(new TunnelOpen.Failed("cannot open a stream on the tunnel to " + key.address()
                    + ": it takes no new streams"));
            closeIfIdle();
            return;
        }
        outcome.accept(new TunnelOpen.Opened(opened.get()));
    }

    private void closeIfIdle() {
        if (goingAway && streams == 0 && channel != null) {
            channel.close();
        }
    }
}
