package io.tollgate.controlplane.distribution;

import io.grpc.Drainable;
import io.grpc.KnownLength;
import io.grpc.MethodDescriptor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A {@link Push} already encoded ({@link PushFormat}): the stream's own head (format and nonce) and a body shared
 * with other streams. The marshaller writes both straight into gRPC's frame, so a 6 MB snapshot sent to 100
 * proxies is encoded once and never copied into an intermediate array.
 */
record EncodedPush(byte[] head, byte[] body) {

    static final MethodDescriptor.Marshaller<EncodedPush> MARSHALLER = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(EncodedPush push) {
            return new PushStream(push);
        }

        @Override
        public EncodedPush parse(InputStream stream) {
            try (stream) {
                return new EncodedPush(new byte[0], stream.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException("reading an encoded push from memory failed", e);
            }
        }
    };

    /** Reads head then body; gRPC prefers {@link #drainTo} and {@link #available} when offered. */
    private static final class PushStream extends InputStream implements Drainable, KnownLength {
        private final byte[] head;
        private final byte[] body;
        private int position;

        PushStream(EncodedPush push) {
            this.head = push.head();
            this.body = push.body();
        }

        @Override
        public int read() {
            if (position < head.length) {
                return head[position++] & 0xff;
            }
            int inBody = position - head.length;
            if (inBody < body.length) {
                position++;
                return body[inBody] & 0xff;
            }
            return -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            int remaining = available();
            if (length == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            int count = Math.min(length, remaining);
            for (int copied = 0; copied < count; ) {
                byte[] source = position < head.length ? head : body;
                int from = position < head.length ? position : position - head.length;
                int chunk = Math.min(count - copied, source.length - from);
                System.arraycopy(source, from, target, offset + copied, chunk);
                copied += chunk;
                position += chunk;
            }
            return count;
        }

        @Override
        public int available() {
            return head.length + body.length - position;
        }

        @Override
        public int drainTo(OutputStream target) throws IOException {
            int count = available();
            if (position < head.length) {
                target.write(head, position, head.length - position);
                target.write(body);
            } else {
                target.write(body, position - head.length, body.length - (position - head.length));
            }
            position = head.length + body.length;
            return count;
        }
    }
}
