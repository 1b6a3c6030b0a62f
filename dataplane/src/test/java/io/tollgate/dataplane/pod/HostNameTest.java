package io.tollgate.dataplane.pod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostNameTest {
    @Test
    void normalizesCaseAndTrailingDot() {
        assertThat(HostName.of("RM-xxxxxxx.MySQL.xxxx.rds.aliyuncs.com.").value())
                .isEqualTo("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com");
    }

    @Test
    void rejectsWhatAHostsFileCannotHold() {
        assertThatThrownBy(() -> HostName.of("*.example.com")).hasMessageContaining("wildcard");
        assertThatThrownBy(() -> HostName.of("db.example.com 10.0.0.1 evil")).hasMessageContaining("invalid label");
        assertThatThrownBy(() -> HostName.of("db\n10.0.0.1 evil")).hasMessageContaining("invalid label");
        assertThatThrownBy(() -> HostName.of("a..b")).hasMessageContaining("invalid label ''");
        assertThatThrownBy(() -> HostName.of("-a.b")).hasMessageContaining("'-a'");
        assertThatThrownBy(() -> HostName.of("")).hasMessageContaining("empty");
    }
}
