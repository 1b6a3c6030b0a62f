package io.tollgate.model.validation;

import io.tollgate.model.Hostname;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Host name, IP and label syntax, against cases from Istio's own validation tests. */
class NameRulesTest {
    @ParameterizedTest
    @CsvSource(textBlock = """
            10.0.0.1, true
            255.255.255.255, true
            10.0.0.256, false
            010.0.0.1, false
            10.1, false
            ::1, true
            2001:db8::8a2e:370:7334, true
            ::ffff:10.0.0.1, true
            [::1], false
            db.example.com, false
            '', false
            """)
    void ipAddresses(String text, boolean valid) {
        assertThat(IpAddresses.isIp(text)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            10.0.0.0/8, true
            10.0.0.1/32, true
            10.0.0.0/33, false
            2001:db8::/32, true
            2001:db8::/129, false
            10.0.0.0/, false
            10.0.0.0/8/8, false
            """)
    void cidrs(String text, boolean valid) {
        assertThat(IpAddresses.isCidr(text)).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            db.example.com, true
            *.example.com, true
            *, true
            *-db.example.com, true
            db.*.com, false
            db.example.123, false
            db.example.com., true
            db_1.example.com, false
            -db.example.com, false
            """)
    void wildcardDomains(String domain, boolean valid) {
        assertThat(DnsNames.wildcardDomainProblem(domain).isEmpty()).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            *.example.com, a.example.com, true
            a.example.com, *.example.com, true
            *.example.com, *.a.example.com, true
            *.a.example.com, a.example.com, false
            *, anything.at.all, true
            a.example.com, b.example.com, false
            """)
    void hostnamesMatchAsIstioDoes(String a, String b, boolean matches) {
        assertThat(new Hostname(a).matches(new Hostname(b))).isEqualTo(matches);
        assertThat(new Hostname(b).matches(new Hostname(a))).isEqualTo(matches);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            a.example.com, *.example.com, true
            *.example.com, a.example.com, false
            *.a.example.com, *.example.com, true
            *.example.com, *.a.example.com, false
            """)
    void hostnameSubsets(String a, String b, boolean subset) {
        assertThat(new Hostname(a).subsetOf(new Hostname(b))).isEqualTo(subset);
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            app, true
            app.kubernetes.io/name, true
            Example.com/app, false
            /app, false
            a_b.c-d, true
            -app, false
            """)
    void labelKeys(String key, boolean valid) {
        assertThat(LabelRules.keyProblem(key).isEmpty()).isEqualTo(valid);
    }
}
