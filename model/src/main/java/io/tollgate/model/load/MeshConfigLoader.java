package io.tollgate.model.load;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.mesh.MeshConfig;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.FieldPath;
import io.tollgate.model.validation.Findings;
import io.tollgate.model.validation.MeshConfigValidator;
import io.tollgate.model.validation.Severity;
import org.snakeyaml.engine.v2.nodes.Node;

import java.util.ArrayList;
import java.util.List;

/** Loads the one document of a mesh config file; an empty file means Istio's defaults. */
final class MeshConfigLoader {
    private MeshConfigLoader() {
    }

    static MeshConfig load(SourceText text, Findings findings, List<Diagnostic> syntaxErrors) {
        List<Node> documents = new ArrayList<>();
        syntaxErrors.addAll(YamlDocuments.each(text, n -> {
            if (!Scalars.isNull(n)) {
                documents.add(n);
            }
        }));
        if (documents.isEmpty()) {
            return new MeshConfig(MeshConfig.DEFAULT.rootNamespace(), MeshConfig.DEFAULT.trustDomain(), List.of(),
                    MeshConfig.DEFAULT.outboundTrafficPolicy(), new SourceLocation(text.name(), 1));
        }
        for (Node extra : documents.subList(1, documents.size())) {
            findings.add(Severity.ERROR, Scalars.locate(extra), FieldPath.ROOT,
                    "a mesh config file holds one document; this is a second one");
        }
        MeshConfig mesh = MappingReader.of(documents.getFirst(), FieldPath.ROOT, findings).map(reader -> {
            MeshConfig parsed = MeshConfigParser.parse(reader);
            reader.finish();
            return parsed;
        }).orElse(MeshConfig.DEFAULT);
        MeshConfigValidator.validate(mesh, findings);
        return mesh;
    }
}
