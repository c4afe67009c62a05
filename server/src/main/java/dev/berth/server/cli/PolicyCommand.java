package dev.berth.server.cli;

import picocli.CommandLine.Command;

/** {@code berth policy ...}: the policy engine with no server running. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = "Simulate and validate RAM policies.",
        subcommands = {SimulateCommand.class, ValidateCommand.class})
final class PolicyCommand {
}
