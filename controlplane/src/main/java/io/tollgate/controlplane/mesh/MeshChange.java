package io.tollgate.controlplane.mesh;

import io.tollgate.controlplane.distribution.ConfigDocument;
import io.tollgate.model.Resource;

import java.util.List;
import java.util.Set;

/**
 * What changed from one valid configuration to the next, by document: a document edited or moved to another line
 * is removed and added. Lets {@link ModelScope} update a proxy's last scope instead of computing it again.
 *
 * @param from     the generation of the configuration this one follows
 * @param removed  documents of that configuration that are not in this one (its own instances)
 * @param added    the resources of documents that are new in this one
 * @param kinds    the kinds of every resource in a removed or added document
 * @param meshConfigChanged whether the mesh config differs (it can change what every proxy sees)
 */
record MeshChange(long from, Set<ConfigDocument> removed, List<Resource> added, Set<String> kinds, boolean meshConfigChanged) {
    MeshChange {
        removed = Set.copyOf(removed);
        added = List.copyOf(added);
        kinds = Set.copyOf(kinds);
    }
}
