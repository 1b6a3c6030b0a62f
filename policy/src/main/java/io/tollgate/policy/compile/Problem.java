package io.tollgate.policy.compile;

import io.tollgate.model.Resource;
import io.tollgate.model.SourceLocation;

/**
 * Why a destination cannot be routed, and which resource (and where in it) made it so. It becomes a warning, and
 * for a sidecar the reason its registered destination is refused.
 *
 * @param reason what the proxy logs; it names only what the proxy itself can see, so that a proxy compiling its
 *               scoped configuration gives the very same table
 * @param detail more for the user, possibly about resources the proxy cannot see; empty when there is none
 */
record Problem(Resource resource, SourceLocation location, String field, String reason, String detail) {

    static Problem at(Resource resource, String field, String reason) {
        return new Problem(resource, resource.meta().location(), field, reason, "");
    }

    /** The reason with its origin, as a sidecar logs it when it closes a connection. */
    String explained() {
        return reason + " (" + resource.kind() + " " + resource.meta().qualifiedName() + ", " + location + ")";
    }

    /** The message of the warning: reason, detail, and what follows from it. */
    String message(String consequence) {
        return reason + (detail.isEmpty() ? "" : " (" + detail + ")") + consequence;
    }

    /** A place in a resource where problems may be found. */
    record Place(Resource resource, SourceLocation location, String field) {
        Problem problem(String reason) {
            return new Problem(resource, location, field, reason, "");
        }

        Problem problem(String reason, String detail) {
            return new Problem(resource, location, field, reason, detail);
        }
    }
}
