package io.tollgate.policy.compile;

import io.tollgate.model.SourceLocation;
import io.tollgate.model.networking.VirtualService;
import io.tollgate.policy.route.GatewayListener;
import io.tollgate.policy.route.GatewayRoute;
import io.tollgate.policy.route.PortNumber;
import io.tollgate.policy.route.RouteTarget;
import io.tollgate.policy.route.SniMatch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the routes of one gateway port in rule order, then orders them the way TLS filter chains are chosen: an
 * exact server name before a wildcard, a longer wildcard before a shorter one, any name last; rule order breaks ties.
 * Of two routes for the same server names only the first is kept, and the other is reported as never used.
 */
final class ListenerRoutes {
    private static final Comparator<SniMatch> MOST_SPECIFIC_FIRST = Comparator.comparingInt(ListenerRoutes::rank)
            .thenComparing(Comparator.comparingInt(ListenerRoutes::length).reversed());

    private final PortNumber port;
    private final RouteNotes notes;
    private final List<Candidate> candidates = new ArrayList<>();

    private record Candidate(GatewayRoute route, VirtualService vs, SourceLocation location, String field) {
    }

    ListenerRoutes(PortNumber port, RouteNotes notes) {
        this.port = port;
        this.notes = notes;
    }

    void add(SniMatch sni, RouteTarget target, VirtualService vs, SourceLocation location, String field) {
        candidates.add(new Candidate(new GatewayRoute(sni, target, vs.meta().qualifiedName()), vs, location, field));
    }

    GatewayListener listener() {
        Map<SniMatch, Candidate> kept = new LinkedHashMap<>();
        // A stable sort: routes for equally specific names keep their rule order.
        List<Candidate> ordered = candidates.stream()
                .sorted(Comparator.comparing(c -> c.route().sni(), MOST_SPECIFIC_FIRST)).toList();
        for (Candidate candidate : ordered) {
            Candidate first = kept.putIfAbsent(candidate.route().sni(), candidate);
            if (first != null && !first.route().equals(candidate.route())) {
                notes.warning(candidate.vs(), candidate.location(), candidate.field(), "never used on port " + port
                        + " for server name " + candidate.route().sni() + ": " + first.route().origin() + " ("
                        + first.location() + ") routes those connections first");
            }
        }
        return new GatewayListener(port, kept.values().stream().map(Candidate::route).toList());
    }

    private static int rank(SniMatch sni) {
        return switch (sni) {
            case SniMatch.Exact exact -> 0;
            case SniMatch.Suffix suffix -> 1;
            case SniMatch.Any any -> 2;
        };
    }

    private static int length(SniMatch sni) {
        return sni.toString().length();
    }
}
