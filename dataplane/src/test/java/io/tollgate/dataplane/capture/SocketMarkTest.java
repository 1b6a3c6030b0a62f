package io.tollgate.dataplane.capture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollSocketChannel;
import io.tollgate.dataplane.pod.PodTesting;
import org.junit.jupiter.api.Test;

class SocketMarkTest {
    @Test
    void aFreshSocketHasNoMark() throws Exception {
        Epoll.ensureAvailability();
        EpollSocketChannel channel = new EpollSocketChannel();
        try {
            assertThat(SocketMark.readFrom(channel.fd().intValue())).isZero();
        } finally {
            channel.unsafe().closeForcibly();
        }
    }

    @Test
    void channelFactoryMarksTheSocketBeforeItIsUsed() throws Exception {
        PodTesting.assumeRootWithNamespaces(); // setting SO_MARK needs CAP_NET_ADMIN
        EpollSocketChannel channel = new SocketMark(0x539).channelFactory().newChannel();
        try {
            assertThat(SocketMark.readFrom(channel.fd().intValue())).isEqualTo(0x539);
            assertThat(channel.isRegistered()).isFalse();
        } finally {
            channel.unsafe().closeForcibly();
        }
    }

    @Test
    void failuresNameTheCallAndErrno() {
        assertThatThrownBy(() -> SocketMark.readFrom(-1))
                .isInstanceOf(SyscallException.class)
                .hasMessage("getsockopt(fd -1, SOL_SOCKET, SO_MARK) failed: errno 9 (Bad file descriptor)")
                .satisfies(e -> assertThat(((SyscallException) e).errno()).isEqualTo(9));
        assertThatThrownBy(() -> SocketMark.SIDECAR.applyTo(-1))
                .hasMessageStartingWith("setsockopt(fd -1, SOL_SOCKET, SO_MARK, 0x539) failed: errno 9");
    }

    @Test
    void markZeroIsRefused() {
        assertThatThrownBy(() -> new SocketMark(0)).hasMessageContaining("non-zero");
    }
}
