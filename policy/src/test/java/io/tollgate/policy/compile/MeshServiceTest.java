package io.tollgate.policy.compile;

import io.tollgate.policy.route.Endpoint;
import io.tollgate.policy.route.PortNumber;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MeshServiceTest {

    @Test
    void readsAServicePortAndItsEndpoints() {
        MeshService gateway = MeshService.parse("istio-egressgateway.istio-system.svc.cluster.local:13306=127.0.0.1:40001,[::1]:40002");

        assertThat(gateway.host().value()).isEqualTo("istio-egressgateway.istio-system.svc.cluster.local");
        assertThat(gateway.endpoints(PortNumber.of(13306))).contains(List.of(Endpoint.of("127.0.0.1", 40001), Endpoint.of("::1", 40002)));
        assertThat(gateway.onlyPort()).contains(PortNumber.of(13306));
        assertThat(gateway.endpoints(PortNumber.of(3306))).isEmpty();
    }

    @Test
    void entriesForOneHostMergeTheirPortsAndRefuseAPortTwice() {
        MeshServices services = MeshServices.of(List.of(MeshService.parse("gw.istio-system.svc.cluster.local:1=127.0.0.1:1"),
                MeshService.parse("GW.istio-system.svc.cluster.local:2=127.0.0.1:2")));

        assertThat(services.find("gw.istio-system.svc.cluster.local").orElseThrow().ports()).hasSize(2);
        assertThat(services.find("gw.istio-system.svc.cluster.local").orElseThrow().onlyPort()).isEmpty();
        assertThat(services.find("*.example.com")).isEmpty();
        assertThatThrownBy(() -> MeshServices.of(List.of(MeshService.parse("gw.example.com:1=127.0.0.1:1"),
                MeshService.parse("gw.example.com:1=127.0.0.1:2")))).hasMessageContaining("port 1 is given twice");
    }

    @Test
    void badTextIsNamed() {
        assertThatThrownBy(() -> MeshService.parse("gw.example.com:13306")).hasMessageContaining("expected HOST:PORT=ADDRESS:PORT");
        assertThatThrownBy(() -> MeshService.parse("gw.example.com:x=127.0.0.1:1")).hasMessageContaining("'x' is not a port number");
        assertThatThrownBy(() -> MeshService.parse("127.0.0.1:1=127.0.0.1:1")).hasMessageContaining("not an address");
        assertThatThrownBy(() -> MeshService.parse("gw.example.com:1=127.0.0.1:0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> MeshService.parse("gw.example.com:1=")).hasMessageContaining("is not HOST:PORT");
    }
}
