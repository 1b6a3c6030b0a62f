package io.tollgate.controlplane.rpc;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Carries a control-plane message (a Java record) over gRPC as UTF-8 JSON, so the protocol needs no code
 * generation. A message that does not parse fails the call with INVALID_ARGUMENT, never with a stack trace.
 */
public final class JsonMarshaller<T> implements MethodDescriptor.Marshaller<T> {
    private static final Gson GSON = new Gson();
    private final Class<T> type;

    private JsonMarshaller(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonMarshaller<T> of(Class<T> type) {
        return new JsonMarshaller<>(type);
    }

    @Override
    public InputStream stream(T value) {
        return new ByteArrayInputStream(GSON.toJson(value, type).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public T parse(InputStream stream) {
        try (stream) {
            T value = GSON.fromJson(new String(stream.readAllBytes(), StandardCharsets.UTF_8), type);
            if (value == null) {
                throw Status.INVALID_ARGUMENT.withDescription("empty " + type.getSimpleName() + " message").asRuntimeException();
            }
            return value;
        } catch (IOException | JsonParseException e) {
            throw Status.INVALID_ARGUMENT.withDescription("malformed " + type.getSimpleName() + " message: " + e.getMessage())
                    .withCause(e).asRuntimeException();
        }
    }
}
