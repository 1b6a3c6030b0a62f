package io.tollgate.policy.compile;

import io.tollgate.model.validation.Diagnostic;
import io.tollgate.policy.route.GatewayRoutes;
import io.tollgate.policy.route.RouteTableText;

import java.util.List;

/**
 * A gateway's compiled route table and what the compiler has to say about it: every listener or route left out,
 * and why, naming the resource and line that caused it. The gateway refuses whatever is not in the table.
 */
public record GatewayCompilation(GatewayRoutes routes, List<Diagnostic> notes) {
    public GatewayCompilation {
        notes = List.copyOf(notes);
    }

    /** The table ({@link RouteTableText}) followed by the notes, one per line: what {@code tollgate} explains. */
    public String render() {
        return RouteTableText.render(routes) + RouteNotes.render(notes);
    }
}
