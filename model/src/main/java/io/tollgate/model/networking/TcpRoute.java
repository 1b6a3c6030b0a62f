package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.List;

/** {@code VirtualService.spec.tcp[i]}: the first route whose match (any of {@code match}; none = all) wins. */
public record TcpRoute(List<L4Match> match, List<RouteDestination> route, SourceLocation location) {
    public TcpRoute {
        match = List.copyOf(match);
        route = List.copyOf(route);
    }
}
