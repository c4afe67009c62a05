package dev.berth.server.registry.e2e;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code berth serve} as a separate operating-system process, for tests that kill it: the test JVM's
 * {@code java} and class path, main class {@code dev.berth.server.cli.Main}, a loopback port of its
 * choosing. Standard output and error go to files beside the data folder; the process is ready when
 * its output says {@code ready <url>}.
 */
final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private final Process process;
    private final URI uri;

    private ServerProcess(Process process, URI uri) {
        this.process = process;
        this.uri = uri;
    }

    /**
     * Starts a server on {@code dataDirectory} with {@code environment} added to the test's own (such
     * as {@code BERTH_METADATA_URL}), and waits until it is ready. {@code name} tells apart the log
     * files of successive starts.
     */
    static ServerProcess start(Path dataDirectory, Map<String, String> environment, String name) throws IOException,
            InterruptedException {
        Path logs = dataDirectory.toAbsolutePath().getParent();
        Files.createDirectories(logs);
        Path output = logs.resolve(name + ".out");
        Path errors = logs.resolve(name + ".err");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx512m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("dev.berth.server.cli.Main");
        command.addAll(List.of("serve", "--data-dir", dataDirectory.toAbsolutePath().toString(), "--listen", "127.0.0.1:0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            URI uri = awaitReady(process, output, errors);
            return new ServerProcess(process, uri);
        } catch (IOException | RuntimeException | InterruptedException e) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw e;
        }
    }

    private static URI awaitReady(Process process, Path output, Path errors) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> ready = Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith("ready ")).findFirst();
            if (ready.isPresent()) {
                return URI.create(ready.get().substring("ready ".length()).trim());
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + " before it was ready:\n"
                        + Files.readString(output) + Files.readString(errors));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server was not ready within " + START_TIMEOUT + ":\n" + Files.readString(output)
                + Files.readString(errors));
    }

    /** Where it listens, {@code http://127.0.0.1:<port>}. */
    URI uri() {
        return uri;
    }

    /** Kills it at once, as a crash would (SIGKILL on Linux: no shutdown hook runs), and waits until it is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server process " + process.pid() + " outlived SIGKILL");
        }
    }

    /** Stops it in order (SIGTERM: the shutdown hook closes the server), killing it if it does not stop. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }
}
