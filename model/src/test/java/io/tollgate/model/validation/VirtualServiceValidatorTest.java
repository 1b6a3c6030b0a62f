package io.tollgate.model.validation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Istio's VirtualService rules (ValidateVirtualService, TCP/TLS routes, route destinations), one case per rule. */
class VirtualServiceValidatorTest {
    private static final String ROUTE = "route: [{destination: {host: db.example.com}}]";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no routes               | hosts: [a.example.com]                                                   | ERROR spec: http, tcp or tls must be provided in virtual service
            mesh wildcard host      | {hosts: ["*"], tcp: [{ROUTE}]}                                           | ERROR spec.hosts[0]: wildcard host * is not allowed for virtual services bound to the mesh gateway
            overlapping hosts       | {hosts: ["*.example.com", a.example.com], tcp: [{ROUTE}]}                | ERROR spec.hosts[1]: duplicate hosts in virtual service: *.example.com & a.example.com
            delegate with tcp       | {tcp: [{ROUTE}]}                                                         | ERROR spec.tcp: delegate virtual service must have no tcp route specified
            bad gateway name        | {hosts: [a.example.com], gateways: [Istio_System/gw], tcp: [{ROUTE}]}    | ERROR spec.gateways[0]: invalid value for namespace: "Istio_System"
            legacy gateway name     | {hosts: [a.example.com], gateways: [gw.istio-system], tcp: [{ROUTE}]}    | WARNING spec.gateways[0]: using legacy gatewayName format "gw.istio-system"; prefer the <namespace>/<name> format: "istio-system/gw"
            tcp without route       | {hosts: [a.example.com], tcp: [{match: [{port: 1}]}]}                   | ERROR spec.tcp[0].route: TCP route is required
            bad destination subnet  | {hosts: [a.example.com], tcp: [{match: [{destinationSubnets: [10.0.0.0/40]}], ROUTE}]} | ERROR spec.tcp[0].match[0].destinationSubnets[0]: 10.0.0.0/40 is not a valid IP address or CIDR block
            wildcard destination    | {hosts: [a.example.com], tcp: [{route: [{destination: {host: "*"}}]}]}  | ERROR spec.tcp[0].route[0].destination.host: invalid destination host *
            negative weight         | {hosts: [a.example.com], tcp: [{route: [{destination: {host: a.example.com}, weight: -1}]}]} | ERROR spec.tcp[0].route[0].weight: weight -1 < 0
            zero total weight       | {hosts: [a.example.com], tcp: [{route: [{destination: {host: a.example.com}}, {destination: {host: b.example.com}}]}]} | ERROR spec.tcp[0].route: total destination weight = 0
            bad subset name         | {hosts: [a.example.com], tcp: [{route: [{destination: {host: a.example.com, subset: a.b}}]}]} | ERROR spec.tcp[0].route[0].destination.subset: subset name is invalid: a.b
            destination needs host  | {hosts: [a.example.com], tcp: [{route: [{destination: {subset: a}}]}]}  | ERROR spec.tcp[0].route[0].destination.host: required field is missing
            tls without match       | {hosts: [a.example.com], tls: [{ROUTE}]}                                 | ERROR spec.tls[0].match: TLS route must have at least one match condition
            tls without sni         | {hosts: [a.example.com], tls: [{match: [{port: 443}], ROUTE}]}           | ERROR spec.tls[0].match[0].sniHosts: TLS match must have at least one SNI host
            sni outside hosts       | {hosts: [a.example.com], tls: [{match: [{sniHosts: [b.example.com]}], ROUTE}]} | ERROR spec.tls[0].match[0].sniHosts[0]: SNI host "b.example.com" is not a compatible subset of any of the virtual service hosts: [a.example.com]
            sni is an IP            | {hosts: [a.example.com], tls: [{match: [{sniHosts: [10.0.0.1]}], ROUTE}]} | WARNING spec.tls[0].match[0].sniHosts[0]: using an IP address ("10.0.0.1") goes against SNI spec and most clients do not support this
            rule after catch-all    | {hosts: [a.example.com], tcp: [{ROUTE}, {ROUTE}]}                       | WARNING spec.tcp[1]: virtualService rule #1 not used (only the last rule can have no matches)
            repeated match          | {hosts: [a.example.com], tcp: [{match: [{port: 1}], ROUTE}, {match: [{port: 1}], ROUTE}]} | WARNING spec.tcp[1]: virtualService rule #1 not used (all matches used by prior rules)
            http routes             | {hosts: [a.example.com], http: [{ROUTE}]}                                | WARNING spec.http: Tollgate proxies TCP and TLS only: http routes are accepted but not applied
            misspelt http field     | {hosts: [a.example.com], http: [{rout: []}]}                             | ERROR spec.http[0].rout: unknown field "rout"
            exportTo mixed public   | {hosts: [a.example.com], exportTo: ["*", demo], tcp: [{ROUTE}]}          | ERROR spec.exportTo: cannot have both public (*) and non-public exportTo values for a resource
            """)
    void rule(String name, String spec, String expected) {
        String yaml = Check.doc("networking.istio.io/v1", "VirtualService", spec.replace("{ROUTE}", "{" + ROUTE + "}")
                .replace(", ROUTE}", ", " + ROUTE + "}"));
        assertThat(Check.findings(yaml)).contains(expected);
    }
}
