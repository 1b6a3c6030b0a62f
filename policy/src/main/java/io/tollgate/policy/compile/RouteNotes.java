package io.tollgate.policy.compile;

import io.tollgate.model.Resource;
import io.tollgate.model.SourceLocation;
import io.tollgate.model.validation.Diagnostic;
import io.tollgate.model.validation.Severity;
import io.tollgate.policy.scope.Proxy;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a route compilation has to tell the user, as loader-style diagnostics
 * ({@code file:line: warning: VirtualService ns/name: spec.tcp[0]: message}) so that {@code tollgate} prints both
 * the same way. WARNING: something the user wrote does not take effect (a route left out, a setting ignored);
 * NOTE: information. The same finding reached twice is kept once. Owned by one compilation, on one thread.
 */
final class RouteNotes {
    private final Set<Diagnostic> notes = new LinkedHashSet<>();

    void warning(Resource resource, SourceLocation at, String field, String message) {
        add(Severity.WARNING, resource, at, field, message);
    }

    void note(Resource resource, SourceLocation at, String field, String message) {
        add(Severity.NOTE, resource, at, field, message);
    }

    /**
     * A finding about the proxy itself rather than about one resource: no file to name, so the proxy takes the
     * file's place ({@code gateway istio-system {istio=x}: warning: ...}).
     */
    void aboutProxy(Proxy proxy, Severity severity, String message) {
        notes.add(new Diagnostic(severity, new SourceLocation(proxy.toString(), 0), "", "", message));
    }

    /** A problem as a warning, followed by what it leads to ({@code "; the route is left out"}), or "". */
    void add(Problem problem, String consequence) {
        add(Severity.WARNING, problem.resource(), problem.location(), problem.field(), problem.message(consequence));
    }

    List<Diagnostic> list() {
        return List.copyOf(notes);
    }

    /** {@code notes:} and one diagnostic a line, indented, as printed under a table; nothing when there are none. */
    static String render(List<Diagnostic> notes) {
        if (notes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("notes:\n");
        notes.forEach(n -> out.append("  ").append(n).append('\n'));
        return out.toString();
    }

    private void add(Severity severity, Resource resource, SourceLocation at, String field, String message) {
        notes.add(new Diagnostic(severity, at, resource.kind() + " " + resource.meta().qualifiedName(), field, message));
    }
}
