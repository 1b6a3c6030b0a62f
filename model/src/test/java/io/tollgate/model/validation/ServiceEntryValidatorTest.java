package io.tollgate.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio's ServiceEntry rules (pkg/config/validation ValidateServiceEntry), one case per rule. */
class ServiceEntryValidatorTest {
    private static final String PORT = ", ports: [{number: 3306, name: tcp, protocol: TCP}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no hosts                 | resolution: DNS                                                      | ERROR spec.hosts: service entry must have at least one host
            wildcard host            | hosts: ["*"]                                                         | ERROR spec.hosts[0]: invalid host *: a service entry cannot take every host
            bad host                 | hosts: [db..example.com]                                             | ERROR spec.hosts[0]: domain name "db..example.com" invalid (label "" invalid)
            partial wildcard         | hosts: ["*db.example.com"], resolution: NONE, addresses: [10.0.0.1] | WARNING spec.hosts[0]: partial wildcard "*db.example.com" not allowed
            bad address              | hosts: [a.example.com], addresses: [10.0.0.300]                    | ERROR spec.addresses[0]: 10.0.0.300 is not a valid IP address or CIDR block
            CIDR with DNS            | hosts: [a.example.com], addresses: [10.0.0.0/8], resolution: DNS   | ERROR spec.addresses: CIDR addresses are allowed only for NONE/STATIC resolution types
            NONE with endpoints      | hosts: [a.example.com], addresses: [10.0.0.1], endpoints: [{address: 10.0.0.2}] | ERROR spec.endpoints: no endpoints should be provided for resolution type NONE
            STATIC needs IPs         | hosts: [a.example.com], resolution: STATIC, endpoints: [{address: db.example.com}] | ERROR spec.endpoints[0].address: endpoint address "db.example.com" is not a valid IP address
            DNS without endpoints    | hosts: ["*.example.com"], resolution: DNS                          | ERROR spec.hosts[0]: hosts must be FQDN or contain only prefix wildcards if no endpoints are provided for resolution mode DNS, domain name "*.example.com" invalid (label "*" invalid)
            DNS_ROUND_ROBIN two eps  | hosts: [a.example.com], resolution: DNS_ROUND_ROBIN, endpoints: [{address: a.example.com}, {address: b.example.com}] | ERROR spec.endpoints: there must only be 0 or 1 endpoint for resolution mode DNS_ROUND_ROBIN
            endpoint port undefined  | hosts: [a.example.com], resolution: DNS, endpoints: [{address: a.example.com, ports: {mysql: 3306}}] | ERROR spec.endpoints[0].ports.mysql: endpoint port 3306 is not defined by the service entry (no port named "mysql" in spec.ports)
            selector and endpoints   | hosts: [a.example.com], resolution: STATIC, workloadSelector: {labels: {app: db}}, endpoints: [{address: 10.0.0.1}] | ERROR spec.endpoints: only one of workloadSelector or endpoints is allowed in a service entry
            multiple hosts TCP       | hosts: [a.example.com, b.example.com], resolution: DNS             | ERROR spec.hosts: multiple hosts provided with non-HTTP, non-TLS ports: a TCP proxy cannot tell the hosts apart unless resolution is NONE
            exportTo tilde and more  | hosts: [a.example.com], resolution: DNS, exportTo: ["~", demo]     | ERROR spec.exportTo: cannot export service entry to no one (~) and someone
            exportTo duplicate       | hosts: [a.example.com], resolution: DNS, exportTo: [demo, "."]     | ERROR spec.exportTo[1]: duplicate entries in exportTo: . and current namespace demo
            NONE without addresses   | hosts: [a.example.com]                                             | WARNING spec.ports[0]: addresses are required for ports serving TCP (or unset) protocol when IP autoallocation is not enabled
            port name vs protocol    | hosts: [a.example.com], resolution: DNS, ports: [{number: 443, name: http-api, protocol: TLS}] | WARNING spec.ports[0].name: port name "http-api" says HTTP but the port's protocol is TLS; name it after its protocol, e.g. "tls-443"
            duplicate port number    | hosts: [a.example.com], resolution: DNS, ports: [{number: 1, name: a}, {number: 1, name: b}] | ERROR spec.ports[1].number: service entry port 1 already defined
            """)
    void rule(String name, String spec, String expected) {
        // Each spec is written as the content of one flow mapping; a port is added unless the case has its own.
        String yaml = Check.doc("networking.istio.io/v1", "ServiceEntry", "{" + spec + (spec.contains("ports:") ? "" : PORT) + "}");
        assertThat(Check.findings(yaml)).contains(expected);
    }
}
