package dev.berth.server.cli;

import picocli.CommandLine.Command;

/** The root of the command line. */
@Command(name = "berth", mixinStandardHelpOptions = true, version = "berth 0.1.0",
        description = "A self-hosted container registry with Alibaba Cloud RAM access control.",
        subcommands = {ServeCommand.class, AccountCommand.class, PolicyCommand.class})
final class BerthCommand {
}
