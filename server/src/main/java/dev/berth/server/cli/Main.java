package dev.berth.server.cli;

import picocli.CommandLine;

/** The {@code berth} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogs();
        System.exit(run(args));
    }

    /** Libraries log warnings and errors only, to standard error, unless the operator asks for more. */
    static void quietLibraryLogs() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    }

    static int run(String... args) {
        return new CommandLine(new BerthCommand()).execute(args);
    }
}
