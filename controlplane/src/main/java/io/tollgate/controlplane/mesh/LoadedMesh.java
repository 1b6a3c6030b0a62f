package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.model.Resource;
import io.tollgate.model.ResourceSet;
import io.tollgate.model.SourceLocation;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * One validated configuration as the control plane keeps it: the loaded resources, and for each resource the very
 * document it came from (so a proxy's scope is a list of the user's own documents). Immutable.
 *
 * @param byFile     each file's documents by the line they start on
 * @param generation counts the valid configurations the validator produced, from 1
 * @param change     what changed since the previous generation; empty for the first
 */
record LoadedMesh(ResourceSet resources, Optional<ConfigDocument> meshConfig,
                  Map<String, NavigableMap<Integer, ConfigDocument>> byFile, long generation, Optional<MeshChange> change) {
    LoadedMesh {
        byFile = Map.copyOf(byFile);
    }

    /** The document a resource was written in: the last document of its file starting at or before its line. */
    ConfigDocument documentOf(Resource resource) {
        SourceLocation at = resource.meta().location();
        NavigableMap<Integer, ConfigDocument> documents = byFile.get(at.file());
        Map.Entry<Integer, ConfigDocument> entry = documents == null ? null : documents.floorEntry(at.line());
        if (entry == null) {
            throw new IllegalStateException("no document holds " + resource.kind() + " " + resource.meta().qualifiedName() + " at " + at);
        }
        return entry.getValue();
    }
}
