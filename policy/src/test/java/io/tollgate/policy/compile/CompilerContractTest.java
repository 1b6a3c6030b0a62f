package io.tollgate.policy.compile;

import io.tollgate.model.ResourceSet;
import io.tollgate.policy.scope.Proxy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What holds for every compilation: no exception for any configuration and proxy, and proxies of the right kind. */
class CompilerContractTest {

    @Test
    void aCompilerIsForItsKindOfProxy() {
        Proxy sidecar = Proxy.sidecar("app", Map.of());
        Proxy gateway = Proxy.gateway("istio-system", Map.of());
        assertThatThrownBy(() -> new SidecarRouteCompiler().compile(ResourceSet.EMPTY, gateway, MeshServices.none(), "v"))
                .hasMessageContaining("not a sidecar");
        assertThatThrownBy(() -> new GatewayRouteCompiler().compile(ResourceSet.EMPTY, sidecar, "v"))
                .hasMessageContaining("not a gateway");
    }

    @Test
    void nothingLoadedCompilesToEmptyTables() {
        SidecarCompilation sidecar = new SidecarRouteCompiler().compile(ResourceSet.EMPTY, Proxy.sidecar("app", Map.of()),
                MeshServices.none(), "v0");
        assertThat(sidecar.routes().registered()).isEmpty();
        assertThat(sidecar.routes().version()).isEqualTo("v0");
        assertThat(sidecar.notes()).isEmpty();
        GatewayCompilation gateway = new GatewayRouteCompiler().compile(ResourceSet.EMPTY, Proxy.gateway("istio-system", Map.of()), "v0");
        assertThat(gateway.routes().ports()).isEmpty();
        assertThat(gateway.notes()).hasSize(1);
    }

    /** Every golden configuration, compiled for proxies in every namespace it mentions, with and without labels. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.tollgate.policy.compile.RouteGoldenTest#cases")
    void neverThrowsForAnyProxy(RouteCase c) {
        Set<String> namespaces = new LinkedHashSet<>(List.of("istio-system", "unknown"));
        c.resources().all().stream().map(r -> r.meta().namespace()).filter(ns -> !ns.isEmpty()).forEach(namespaces::add);
        List<Map<String, String>> labelSets = List.of(Map.of(), Map.of("istio", "egressgateway"), Map.of("app", "web"));
        for (String namespace : namespaces) {
            for (Map<String, String> labels : labelSets) {
                assertThatCode(() -> {
                    new SidecarRouteCompiler().compile(c.resources(), Proxy.sidecar(namespace, labels), c.meshServices(), "v");
                    new GatewayRouteCompiler().compile(c.resources(), Proxy.gateway(namespace, labels), "v");
                }).as("%s in %s %s", c, namespace, labels).doesNotThrowAnyException();
            }
        }
    }
}
