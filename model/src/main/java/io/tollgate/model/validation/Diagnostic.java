package io.tollgate.model.validation;

import io.tollgate.model.SourceLocation;

import java.util.Locale;

/**
 * One finding about the user's configuration, naming the place.
 *
 * @param subject the resource as {@code Kind namespace/name}, or empty when the problem is not inside a resource
 *                (a YAML syntax error, a file that cannot be read)
 * @param field   the field path inside the resource ({@code spec.servers[0].port.name}), or empty
 */
public record Diagnostic(Severity severity, SourceLocation location, String subject, String field, String message) {

    /**
     * {@code file:line: Kind ns/name: field.path: problem}. Warnings and notes say so after the location
     * ({@code file:line: warning: ...}) so that errors keep the exact shape scripts match on.
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(location.file());
        if (location.line() > 0) {
            out.append(':').append(location.line());
        }
        out.append(": ");
        if (severity != Severity.ERROR) {
            out.append(severity.name().toLowerCase(Locale.ROOT)).append(": ");
        }
        if (!subject.isEmpty()) {
            out.append(subject).append(": ");
        }
        if (!field.isEmpty()) {
            out.append(field).append(": ");
        }
        return out.append(message).toString();
    }
}
