package io.tollgate.controlplane.status;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks a control plane for its {@link StatusReport}. The caller builds the channel (mTLS with an identity the
 * server lets read status) and owns its lifetime.
 */
public final class StatusClient {
    private final Channel channel;

    public StatusClient(Channel channel) {
        this.channel = channel;
    }

    /**
     * Fetches the report, waiting at most {@code timeout}.
     *
     * @throws StatusRuntimeException with the server's status (UNAVAILABLE, PERMISSION_DENIED, DEADLINE_EXCEEDED)
     */
    public StatusReport fetch(Duration timeout) {
        CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return ClientCalls.blockingUnaryCall(channel, StatusRpc.STATUS, options, new StatusRequest());
    }
}
