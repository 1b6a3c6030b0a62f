package io.tollgate.dataplane.relay;

import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The buffer allocator of every data-path channel: Netty's pooled allocator (arenas with a cache per event-loop
 * thread) rather than 4.2's default adaptive one. Profiled under the benchmark's load, the adaptive allocator made
 * a new NIO view for every buffer handed to the TLS engine (each wrap and unwrap: the largest allocation site of
 * both proxies) and zeroed fresh direct chunks as it recycled them; the pooled allocator caches its NIO view per
 * buffer and keeps chunks. Idle connections hold no buffers either way, so memory per connection is the same.
 */
public final class DataPathBuffers {
    public static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    private DataPathBuffers() {
    }
}
