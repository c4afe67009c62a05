package dev.berth.server.cli;

import picocli.CommandLine;

/** The {@code berth} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String... args) {
        return new CommandLine(new BerthCommand()).execute(args);
    }
}
