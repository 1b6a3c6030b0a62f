package io.tollgate.dataplane.tls;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLHandshakeException;
import java.nio.channels.ClosedChannelException;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeFailureTest {

    @Test
    void readsTheCauseChain() {
        assertThat(HandshakeFailure.classify(new DecoderException(new NotSslRecordException("x"))))
                .isEqualTo(HandshakeFailure.NOT_TLS);
        assertThat(HandshakeFailure.classify(new SslHandshakeTimeoutException("t"))).isEqualTo(HandshakeFailure.TIMEOUT);
        assertThat(HandshakeFailure.classify(new ClosedChannelException())).isEqualTo(HandshakeFailure.CLOSED);
        assertThat(HandshakeFailure.classify(new SSLHandshakeException(
                "error:10000412:SSL routines:OPENSSL_internal:PEER_DID_NOT_RETURN_A_CERTIFICATE")))
                .isEqualTo(HandshakeFailure.PEER_REJECTED);
        assertThat(HandshakeFailure.classify(new SSLHandshakeException("NO_SHARED_CIPHER")))
                .isEqualTo(HandshakeFailure.PROTOCOL);
    }
}
