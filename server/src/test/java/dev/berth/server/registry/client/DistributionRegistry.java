package dev.berth.server.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The CNCF Distribution registry ({@code /usr/bin/docker-registry}, Debian's package) as a reference
 * registry for the test fixtures: filesystem storage in a temporary folder, plain http on a free
 * loopback port, deletes enabled, and optionally htpasswd (Basic) authentication of one user.
 */
public final class DistributionRegistry implements AutoCloseable {
    public static final Path EXECUTABLE = Path.of("/usr/bin/docker-registry");
    /** The user that {@link #startWithUser} admits. */
    public static final Skopeo.Credentials USER = new Skopeo.Credentials("berth", "distribution-test-password");
    /** bcrypt (cost 4) of {@link #USER}'s password, as Distribution's htpasswd file wants it. */
    private static final String USER_HTPASSWD = "berth:$2b$04$3B/6phBploU439UU3VzJ6.RyxYigsxdAHwcvBfCpqveNuXdU3XWmu";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;

    private DistributionRegistry(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a registry that needs no credentials, keeping its files in {@code folder}. */
    public static DistributionRegistry start(Path folder) throws IOException, InterruptedException {
        return start(folder, false);
    }

    /** Starts a registry that admits only {@link #USER}. */
    public static DistributionRegistry startWithUser(Path folder) throws IOException, InterruptedException {
        return start(folder, true);
    }

    private static DistributionRegistry start(Path folder, boolean authenticated) throws IOException, InterruptedException {
        assertThat(EXECUTABLE).as("Distribution is needed by the end-to-end tests (Debian/Ubuntu: apt-get install docker-registry)")
                .isExecutable();
        Files.createDirectories(folder.resolve("storage"));
        int port = freePort();
        StringBuilder config = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n  accesslog:\n    disabled: true\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(folder.resolve("storage")).append('\n')
                .append("  delete:\n    enabled: true\n")
                .append("  maintenance:\n    uploadpurging:\n      enabled: false\n")
                .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
                .append("  secret: berth-test-secret\n");
        if (authenticated) {
            Files.writeString(folder.resolve("htpasswd"), USER_HTPASSWD + "\n");
            config.append("auth:\n  htpasswd:\n    realm: berth-test\n    path: ").append(folder.resolve("htpasswd")).append('\n');
        }
        Path configFile = Files.writeString(folder.resolve("config.yml"), config);
        Path log = folder.resolve("registry.log");
        Process process = new ProcessBuilder(EXECUTABLE.toString(), "serve", configFile.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        DistributionRegistry registry = new DistributionRegistry(process, port, log);
        try {
            registry.awaitReady(authenticated ? 401 : 200);
            return registry;
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            registry.close();
            throw e;
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** {@code docker://127.0.0.1:<port>/<repository>:<tag>} or {@code ...@<digest>} when the reference is a digest. */
    public String image(String repository, String reference) {
        return "docker://" + address() + "/" + repository + (reference.contains(":") ? "@" : ":") + reference;
    }

    public String repository(String repository) {
        return "docker://" + address() + "/" + repository;
    }

    /** What the registry wrote so far, for failure messages. */
    private String log() throws IOException {
        return Files.readString(log);
    }

    /** Stops the registry process (and waits, up to ten seconds, for it to end). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady(int expectedStatus) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Optional<Integer> status = Optional.empty();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    status = Optional.of(client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode());
                    if (status.get() == expectedStatus) {
                        return;
                    }
                } catch (IOException notYet) {
                    status = Optional.empty();
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the Distribution registry on " + address() + " did not answer " + expectedStatus
                + " to GET /v2/ (last: " + status.map(String::valueOf).orElse("no answer") + ", alive: " + process.isAlive()
                + ")\n" + log());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
