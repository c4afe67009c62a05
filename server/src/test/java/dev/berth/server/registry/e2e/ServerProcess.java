package dev.berth.server.registry.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code berth serve} as a separate process of this test's JVM and class path, to be killed like a crash. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    private final String endpoint;

    private ServerProcess(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** Starts a server on {@code data} and waits for its {@code ready <url>} line. */
    static ServerProcess start(Path data) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "dev.berth.server.cli.Main", "serve", "--data-dir", data.toString(), "--listen", "127.0.0.1:0"))
                .redirectErrorStream(true).start();
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                String found = null;
                while ((line = lines.readLine()) != null) {
                    if (found == null && line.startsWith("ready http://")) {
                        found = line.substring("ready http://".length());
                        return found;
                    }
                }
                throw new IllegalStateException("the server ended before it was ready");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            return new ServerProcess(process, ready.get(60, TimeUnit.SECONDS));
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    String endpoint() {
        return endpoint;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
