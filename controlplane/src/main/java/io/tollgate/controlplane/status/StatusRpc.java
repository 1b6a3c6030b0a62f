package io.tollgate.controlplane.status;

import io.grpc.MethodDescriptor;
import io.tollgate.controlplane.rpc.JsonMarshaller;

/**
 * The unary Status method. It lives in the Distribution service (the server that knows the proxies answers it),
 * but its messages and descriptor are here so that a status client needs nothing from the server's package.
 */
public final class StatusRpc {
    public static final String SERVICE = "tollgate.config.v1.Distribution";

    public static final MethodDescriptor<StatusRequest, StatusReport> STATUS =
            MethodDescriptor.<StatusRequest, StatusReport>newBuilder()
                    .setType(MethodDescriptor.MethodType.UNARY)
                    .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Status"))
                    .setRequestMarshaller(JsonMarshaller.of(StatusRequest.class))
                    .setResponseMarshaller(JsonMarshaller.of(StatusReport.class))
                    .setIdempotent(true)
                    .setSafe(true)
                    .build();

    private StatusRpc() {
    }
}
