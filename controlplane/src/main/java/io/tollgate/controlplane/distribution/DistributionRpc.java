package io.tollgate.controlplane.distribution;

import io.grpc.MethodDescriptor;
import io.tollgate.controlplane.rpc.JsonMarshaller;
import io.tollgate.controlplane.status.StatusRpc;

/**
 * The bidirectional Stream method of {@code tollgate.config.v1.Distribution}, defined by hand (no protoc). Proxies
 * speak JSON; the control plane answers in {@link PushFormat}'s binary layout. Client and server see the same bytes
 * but different Java types for the server's messages: the server sends pre-encoded {@link EncodedPush}es so that
 * one encoding serves many proxies.
 */
public final class DistributionRpc {
    public static final String SERVICE = StatusRpc.SERVICE;
    public static final String STREAM_METHOD = MethodDescriptor.generateFullMethodName(SERVICE, "Stream");

    /** What a proxy calls. */
    public static final MethodDescriptor<ProxyRequest, Push> CLIENT_STREAM =
            MethodDescriptor.<ProxyRequest, Push>newBuilder()
                    .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
                    .setFullMethodName(STREAM_METHOD)
                    .setRequestMarshaller(JsonMarshaller.of(ProxyRequest.class))
                    .setResponseMarshaller(PushDecoding.MARSHALLER)
                    .build();

    /** What the control plane serves. */
    static final MethodDescriptor<ProxyRequest, EncodedPush> SERVER_STREAM =
            MethodDescriptor.<ProxyRequest, EncodedPush>newBuilder()
                    .setType(MethodDescriptor.MethodType.BIDI_STREAMING)
                    .setFullMethodName(STREAM_METHOD)
                    .setRequestMarshaller(JsonMarshaller.of(ProxyRequest.class))
                    .setResponseMarshaller(EncodedPush.MARSHALLER)
                    .build();

    private DistributionRpc() {
    }
}
