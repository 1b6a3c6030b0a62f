package io.tollgate.controlplane.client;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.controlplane.distribution.Snapshot;
import io.tollgate.controlplane.mesh.ControlPlane;
import io.tollgate.model.load.LoadResult;
import io.tollgate.model.load.ResourceLoader;
import io.tollgate.model.load.SourceText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** However a snapshot is parsed, and whatever was kept from the last one, reading it equals loading it afresh. */
class SnapshotReaderTest {
    private static final String ENTRY = """
            apiVersion: networking.istio.io/v1
            kind: ServiceEntry
            metadata:
              name: db-%d
              namespace: team
            spec:
              hosts: [db-%<d.example.com]
              location: MESH_EXTERNAL
              ports: [{number: %d, name: tcp, protocol: TCP}]
              resolution: DNS
            """;
    private static final ConfigDocument MESH = new ConfigDocument(ControlPlane.MESH_CONFIG_SOURCE, 1, "rootNamespace: istio-system\n");

    @Test
    void bothWaysOfParsingAndEveryLaterSnapshotEqualAFreshLoad() {
        // More documents than are read on the calling thread, and one port out of range: an error at its line.
        List<ConfigDocument> documents = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            documents.add(new ConfigDocument("conf/team.yaml", 1 + 12 * i, ENTRY.formatted(i, i == 77 ? 70000 : 3306)));
        }
        Snapshot first = snapshot("v1", documents);
        SnapshotReader parallel = new SnapshotReader(SnapshotReader.Parsing.ON_ALL_CORES);
        SnapshotReader single = new SnapshotReader(SnapshotReader.Parsing.ON_CALLING_THREAD);
        assertThat(parallel.read(first)).isEqualTo(single.read(first)).isEqualTo(fresh(first));
        assertThat(parallel.read(first).diagnostics()).anySatisfy(d -> assertThat(d.toString()).startsWith("conf/team.yaml:933: ServiceEntry team/db-77: spec.ports[0].number"));

        documents.set(77, new ConfigDocument("conf/team.yaml", 1 + 12 * 77, ENTRY.formatted(77, 3307)));
        Snapshot second = snapshot("v2", documents);
        LoadResult again = parallel.read(second);
        assertThat(again).isEqualTo(fresh(second));
        assertThat(again.hasErrors()).isFalse();
        assertThat(again.resources().serviceEntries()).hasSize(150);
    }

    private static Snapshot snapshot(String version, List<ConfigDocument> documents) {
        List<ConfigDocument> all = new ArrayList<>(documents);
        all.add(MESH);
        return new Snapshot(version, all);
    }

    private static LoadResult fresh(Snapshot snapshot) {
        List<SourceText> texts = snapshot.documents().stream().filter(d -> !d.source().equals(ControlPlane.MESH_CONFIG_SOURCE))
                .map(d -> SourceText.startingAt(d.source(), d.line(), d.yaml())).toList();
        return new ResourceLoader().loadTexts(texts, Optional.of(SourceText.startingAt(MESH.source(), 1, MESH.yaml())));
    }
}
