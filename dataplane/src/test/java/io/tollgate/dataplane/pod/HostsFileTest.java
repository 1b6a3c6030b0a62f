package io.tollgate.dataplane.pod;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostsFileTest {
    @Test
    void mapsServiceHostsAndLocalhostOnly() throws Exception {
        HostsFile file = new HostsFile(Map.of(
                HostName.of("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com"), InetAddress.getByName("127.255.3.4"),
                HostName.of("b.example.com"), InetAddress.getByName("127.255.0.9")));

        assertThat(file.render("tg-1")).isEqualTo("""
                # Written by tollgate for pod tg-1: service hosts map to addresses its sidecar captures; nothing else resolves.
                127.0.0.1\tlocalhost
                ::1\tlocalhost ip6-localhost ip6-loopback
                127.255.0.9\tb.example.com
                127.255.3.4\trm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com
                """);
    }

    @Test
    void resolvConfHasNoNameServer() {
        assertThat(HostsFile.resolvConf("tg-1")).doesNotContain("nameserver").startsWith("#");
    }

    @Test
    void nsswitchConfLooksUpHostsInFilesOnlyAndKeepsTheRest() {
        String system = """
                passwd:         files systemd
                hosts:          files mdns4_minimal [NOTFOUND=return] dns
                networks:       files
                """;

        assertThat(HostsFile.nsswitchConf("tg-1", system)).isEqualTo("""
                # Written by tollgate for pod tg-1: host names from /etc/hosts only.
                passwd:         files systemd
                networks:       files
                hosts: files
                """);
        assertThat(HostsFile.nsswitchConf("tg-1", "")).endsWith("\nhosts: files\n");
    }
}
