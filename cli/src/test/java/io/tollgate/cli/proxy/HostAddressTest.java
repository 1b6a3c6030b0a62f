package io.tollgate.cli.proxy;

import io.tollgate.policy.route.Hostname;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.net.InetAddress;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code HOST=IP} as the flags take it: never a DNS lookup, every problem named. */
class HostAddressTest {
    private final HostAddress.Converter converter = new HostAddress.Converter();

    @Test
    void readsHostAndIpLiteralAndGroupsRepeats() throws Exception {
        HostAddress first = converter.convert("DB.example.com=127.0.0.2");
        HostAddress second = converter.convert("db.example.com=::1");

        assertThat(first.host()).isEqualTo(Hostname.of("db.example.com"));
        assertThat(HostAddress.grouped(List.of(first, second))).containsEntry(Hostname.of("db.example.com"),
                List.of(InetAddress.ofLiteral("127.0.0.2"), InetAddress.ofLiteral("::1")));
    }

    @Test
    void refusesWhatIsNotHostEqualsIp() {
        assertThatThrownBy(() -> converter.convert("db.example.com")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("is not HOST=IP");
        assertThatThrownBy(() -> converter.convert("db.example.com=localhost")).hasMessageContaining("'localhost' is not an IP address");
        assertThatThrownBy(() -> converter.convert("-bad-.com=127.0.0.1")).hasMessageContaining("invalid label");
        assertThatThrownBy(() -> converter.convert("10.0.0.1=127.0.0.1")).hasMessageContaining("is an IP address, not a host name");
    }
}
