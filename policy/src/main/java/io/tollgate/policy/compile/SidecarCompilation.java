package io.tollgate.policy.compile;

import io.tollgate.model.validation.Diagnostic;
import io.tollgate.policy.route.RouteTableText;
import io.tollgate.policy.route.SidecarRoutes;

import java.util.List;

/**
 * A sidecar's compiled route table and what the compiler has to say about it (routes left out or refused, settings
 * not applied), each note naming the resource and line that caused it.
 */
public record SidecarCompilation(SidecarRoutes routes, List<Diagnostic> notes) {
    public SidecarCompilation {
        notes = List.copyOf(notes);
    }

    /** The table ({@link RouteTableText}) followed by the notes, one per line: what {@code tollgate} explains. */
    public String render() {
        return RouteTableText.render(routes) + RouteNotes.render(notes);
    }
}
