package io.tollgate.cli.proxy;

import io.tollgate.policy.compile.MeshService;
import picocli.CommandLine;

/** Reads {@code --mesh-service HOST:PORT=ADDRESS:PORT[,ADDRESS:PORT...]} with the policy module's own parser. */
final class MeshServiceConverter implements CommandLine.ITypeConverter<MeshService> {
    @Override
    public MeshService convert(String value) {
        try {
            return MeshService.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + value + "': " + e.getMessage());
        }
    }
}
