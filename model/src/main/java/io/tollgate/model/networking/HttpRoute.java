package io.tollgate.model.networking;

import io.tollgate.model.SourceLocation;

import java.util.Map;

/** {@code VirtualService.spec.http[i]}, kept loosely: its top-level fields are checked, their content is not. */
public record HttpRoute(Map<String, Object> fields, SourceLocation location) {
    public HttpRoute {
        fields = Map.copyOf(fields);
    }
}
