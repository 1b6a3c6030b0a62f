package io.tollgate.policy.scope;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceHostsTest {

    @Test
    void aShortNameIsAServiceOfTheWritersNamespace() {
        assertThat(ServiceHosts.fqdn("istio-egressgateway", "istio-system"))
                .isEqualTo("istio-egressgateway.istio-system.svc.cluster.local");
        assertThat(ServiceHosts.fqdn("DB.Example.com", "app")).isEqualTo("db.example.com");
        assertThat(ServiceHosts.fqdn("*", "app")).isEqualTo("*");
    }

    @Test
    void aServiceNameCarriesItsNamespace() {
        assertThat(ServiceHosts.serviceNamespace("istio-egressgateway.istio-system.svc.cluster.local")).contains("istio-system");
        assertThat(ServiceHosts.serviceNamespace("rm-xxxxxxx.mysql.xxxx.rds.aliyuncs.com")).isEmpty();
        assertThat(ServiceHosts.serviceNamespace("a.b.c.svc.cluster.local")).isEmpty();
    }

    @Test
    void wildcardsCoverNamesBelowThemOnly() {
        assertThat(ServiceHosts.covers("*.example.com", "db.example.com")).isTrue();
        assertThat(ServiceHosts.covers("*.example.com", "example.com")).isFalse();
        assertThat(ServiceHosts.covers("*", "db.example.com")).isTrue();
        assertThat(ServiceHosts.covers("db.example.com", "db.example.com")).isTrue();
        assertThat(ServiceHosts.covers("db.example.com", "*.example.com")).isFalse();
        assertThat(ServiceHosts.covers("*.example.com", "*.db.example.com")).isTrue();
        assertThat(ServiceHosts.overlap("*.example.com", "db.example.com")).isTrue();
        assertThat(ServiceHosts.overlap("db.example.org", "db.example.com")).isFalse();
    }
}
