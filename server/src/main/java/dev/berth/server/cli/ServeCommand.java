package dev.berth.server.cli;

import dev.berth.server.config.ConfigException;
import dev.berth.server.config.ConfigKey;
import dev.berth.server.config.ServerConfig;
import dev.berth.server.runtime.BerthServer;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code berth serve [--config FILE] [--listen HOST:PORT] [--data-dir DIR]} (iam-api.md section 1a):
 * prints the bootstrap file's path on a first start, then {@code ready <url>}, and serves until stopped.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the Berth server.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "address to listen on (default: 127.0.0.1:5000)")
    String listen;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ServerConfig config;
        try {
            config = options.load(listen == null ? Map.of() : Map.of(ConfigKey.SERVER_LISTEN, listen));
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("berth serve: " + e.getMessage());
            return 2;
        }
        BerthServer server = BerthServer.start(config, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("berth serve: stopping failed: " + e.getMessage());
            }
        }));
        server.bootstrapFile().ifPresent(file -> out.println("bootstrap credentials written to " + file));
        out.println("ready " + server.uri());
        out.flush();
        server.join();
        return 0;
    }
}
