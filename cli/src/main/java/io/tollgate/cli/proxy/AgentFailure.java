package io.tollgate.cli.proxy;

import io.tollgate.cli.CommandFailure;

/** How a proxy command ends when its agent does not start: exit 2 when the operator must fix something, else 1. */
final class AgentFailure {
    private AgentFailure() {
    }

    static CommandFailure of(AgentStartException e) {
        return new CommandFailure(e.kind() == AgentStartException.Kind.BAD_INPUT ? CommandFailure.BAD_INPUT
                : CommandFailure.FAILED, e.getMessage());
    }
}
