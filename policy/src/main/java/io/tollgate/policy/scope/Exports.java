package io.tollgate.policy.scope;

import java.util.List;

/**
 * Istio's {@code exportTo}: which namespaces may see a ServiceEntry, VirtualService or DestinationRule. An empty list
 * means everyone ({@code *}, the mesh default, which Tollgate's MeshConfig does not change); {@code .} the owner's
 * own namespace; {@code ~} no one; any other entry that namespace.
 */
public final class Exports {
    private Exports() {
    }

    public static boolean visible(String ownerNamespace, List<String> exportTo, String viewerNamespace) {
        if (exportTo.isEmpty()) {
            return true;
        }
        for (String entry : exportTo) {
            boolean match = switch (entry) {
                case "*" -> true;
                case "." -> ownerNamespace.equals(viewerNamespace);
                case "~" -> false;
                default -> entry.equals(viewerNamespace);
            };
            if (match) {
                return true;
            }
        }
        return false;
    }

    /** {@code exportTo [a, b]} or {@code no exportTo (everyone)}, for notes that explain why something is unseen. */
    public static String describe(List<String> exportTo) {
        return exportTo.isEmpty() ? "no exportTo (everyone)" : "exportTo " + exportTo;
    }
}
