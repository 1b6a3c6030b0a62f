package io.tollgate.cli.proxy;

import picocli.CommandLine.Model.CommandSpec;

/** How a proxy command ends when its agent does not start: one line on stderr, exit 2 for bad input, else 1. */
final class AgentFailure {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    private AgentFailure() {
    }

    static int report(CommandSpec spec, AgentStartException e) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + e.getMessage());
        spec.commandLine().getErr().flush();
        return e.kind() == AgentStartException.Kind.BAD_INPUT ? BAD_INPUT : FAILED;
    }
}
