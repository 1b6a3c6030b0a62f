package io.tollgate.policy.authz;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ipBlocks values: CIDR or single address, IPv4 and IPv6, with Envoy's masking of host bits. */
class CidrTest {
    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
            "10.0.0.0/8, 10.255.1.2, true", "10.0.0.0/8, 11.0.0.0, false",
            "10.1.2.3, 10.1.2.3, true", "10.1.2.3, 10.1.2.4, false",
            "10.1.2.3/32, 10.1.2.3, true", "10.1.99.99/16, 10.1.0.1, true",
            "0.0.0.0/0, 203.0.113.9, true", "0.0.0.0/0, ::1, false",
            "192.168.1.128/25, 192.168.1.127, false", "192.168.1.128/25, 192.168.1.200, true",
            "2001:db8::/32, 2001:db8:ffff::1, true", "2001:db8::/32, 2001:db9::1, false",
            "2001:db8::/64, 2001:db8::ffff:ffff:ffff:ffff, true", "2001:db8::/64, 2001:db8:0:1::, false",
            "2001:db8::/65, 2001:db8::7fff:0:0:0, true", "2001:db8::/65, 2001:db8::8000:0:0:0, false",
            "::/0, 2001:db8::1, true", "::/0, 10.0.0.1, false", "::1, ::1, true", "::1/128, ::2, false",
            "::ffff:10.0.0.0/104, 10.0.0.1, false", "::ffff:10.0.0.0/104, ::ffff:10.0.0.1, true",
    })
    void contains(String block, String address, boolean expected) {
        assertThat(Cidr.parse(block).contains(IpAddress.parse(address))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"10.1.99.99/16, 10.1.0.0/16", "10.1.2.3, 10.1.2.3/32", "2001:db8::1/32, 2001:db8::/32", "::1, ::1/128"})
    void normalises(String block, String printed) {
        assertThat(Cidr.parse(block)).hasToString(printed);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @ValueSource(strings = {"", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/08", "10.0.0.0/-1", "10.0.0.0/+8", "::/129",
            "10.0.0/8", "example.com/8", "10.0.0.0/8/8"})
    void rejects(String block) {
        assertThatThrownBy(() -> Cidr.parse(block)).isInstanceOf(IllegalArgumentException.class);
    }
}
