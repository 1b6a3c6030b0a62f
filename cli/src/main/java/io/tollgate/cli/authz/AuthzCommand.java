package io.tollgate.cli.authz;

import picocli.CommandLine.Command;

/** {@code tollgate authz}: questions about AuthorizationPolicies. */
@Command(name = "authz", mixinStandardHelpOptions = true,
        description = "Ask how the mesh's AuthorizationPolicies decide a connection.",
        subcommands = {AuthzCheckCommand.class})
public final class AuthzCommand {
}
