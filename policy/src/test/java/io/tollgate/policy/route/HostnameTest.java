package io.tollgate.policy.route;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostnameTest {

    @Test
    void lowerCasesAndDropsTheRootDot() {
        assertThat(Hostname.of("RM-XXXXXXX.mysql.XXXX.rds.aliyuncs.com.").value())
                .isEqualTo("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    }

    @Test
    void refusesBadLabelsNamingThem() {
        assertThatThrownBy(() -> Hostname.of("db..example.com")).hasMessageContaining("invalid label ''");
        assertThatThrownBy(() -> Hostname.of("-db.example.com")).hasMessageContaining("'-db'");
        assertThatThrownBy(() -> Hostname.of("*.example.com")).hasMessageContaining("'*'");
        assertThatThrownBy(() -> Hostname.of("")).hasMessageContaining("empty");
    }

    @Test
    void anIpIsNotAHostName() {
        assertThatThrownBy(() -> Hostname.of("10.0.0.1")).hasMessageContaining("is an IP address");
        assertThat(Host.parse("10.0.0.1")).isInstanceOf(IpLiteral.class);
        assertThat(Host.parse("::1")).isInstanceOf(IpLiteral.class);
        assertThat(Host.parse("db.internal")).isEqualTo(Hostname.of("db.internal"));
    }

    @Test
    void ipLiteralsNeverLookUpNames() {
        assertThatThrownBy(() -> IpLiteral.of("300.1.1.1")).hasMessageContaining("'300.1.1.1' is not an IP");
        assertThat(IpLiteral.of("[::1]").text()).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(HostPort.of("::1", 3306).toString()).isEqualTo("[0:0:0:0:0:0:0:1]:3306");
    }

    @Test
    void portsAreInRange() {
        assertThatThrownBy(() -> PortNumber.of(0)).hasMessageContaining("port 0 is out of range");
        assertThatThrownBy(() -> PortNumber.of(65536)).hasMessageContaining("65536");
        assertThat(PortNumber.of(13306).toString()).isEqualTo("13306");
    }
}
