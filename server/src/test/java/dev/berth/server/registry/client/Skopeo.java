package dev.berth.server.registry.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code skopeo} (containers/skopeo) for end-to-end tests, with state of its own: an auth file,
 * a policy that accepts any image, an empty registries.conf, a home and a temporary folder, all in
 * the folder it is given, so that tests share nothing with each other or with the machine. Registries
 * are reached without TLS verification (plain http on 127.0.0.1).
 */
public final class Skopeo {
    public static final Path EXECUTABLE = Path.of("/usr/bin/skopeo");
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(3);

    private final Path executable;
    private final Path state;
    private final Duration timeout;

    /** A user name and password for a registry. */
    public record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }

        String flagValue() {
            return username + ":" + password;
        }

        /** The {@code Authorization} header of these credentials: {@code Basic <base64 of user:password>}. */
        public String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString(flagValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What one run of skopeo did. */
    public record Result(List<String> command, int exitCode, String stdout, String stderr) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** This result, after asserting that skopeo exited with 0 (the message shows what it said). */
        public Result assertSucceeded() {
            assertThat(exitCode).as("exit code of %s%nstdout: %s%nstderr: %s", String.join(" ", command), stdout, stderr).isZero();
            return this;
        }
    }

    private Skopeo(Path executable, Path state, Duration timeout) {
        this.executable = executable;
        this.state = state;
        this.timeout = timeout;
    }

    /** A runner of {@link #EXECUTABLE} keeping its state in {@code state}; fails when skopeo is not installed. */
    public static Skopeo create(Path state) throws IOException {
        return create(EXECUTABLE, state, DEFAULT_TIMEOUT);
    }

    public static Skopeo create(Path executable, Path state, Duration timeout) throws IOException {
        assertThat(executable).as("skopeo is needed by the end-to-end tests (Debian/Ubuntu: apt-get install skopeo)")
                .isExecutable();
        Files.createDirectories(state.resolve("home"));
        Files.createDirectories(state.resolve("tmp"));
        Files.createDirectories(state.resolve("registries.d"));
        Files.writeString(state.resolve("policy.json"), "{\"default\":[{\"type\":\"insecureAcceptAnything\"}]}");
        Files.writeString(state.resolve("registries.conf"), "unqualified-search-registries = []\n");
        Files.writeString(state.resolve("auth.json"), "{\"auths\":{}}");
        return new Skopeo(executable, state, timeout);
    }

    /** The auth file this runner's {@code login} writes and every command reads. */
    public Path authFile() {
        return state.resolve("auth.json");
    }

    /** {@code skopeo copy --all --preserve-digests}: an index with all its images, digests unchanged. */
    public Result copyAll(String source, String destination, Optional<Credentials> sourceCredentials,
            Optional<Credentials> destinationCredentials) throws IOException, InterruptedException {
        return copy(source, destination, sourceCredentials, destinationCredentials, List.of("--all", "--preserve-digests"));
    }

    /** {@code skopeo copy} with {@code options} (e.g. {@code --all}, {@code --preserve-digests}, {@code --format oci}). */
    public Result copy(String source, String destination, Optional<Credentials> sourceCredentials,
            Optional<Credentials> destinationCredentials, List<String> options) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(List.of("copy", "--quiet", "--authfile", authFile().toString()));
        if (isRegistry(source)) {
            arguments.add("--src-tls-verify=false");
        }
        if (isRegistry(destination)) {
            arguments.add("--dest-tls-verify=false");
        }
        sourceCredentials.ifPresent(credentials -> arguments.addAll(List.of("--src-creds", credentials.flagValue())));
        destinationCredentials.ifPresent(credentials -> arguments.addAll(List.of("--dest-creds", credentials.flagValue())));
        arguments.addAll(options);
        arguments.add(source);
        arguments.add(destination);
        return run(arguments);
    }

    /** {@code skopeo inspect --raw}: the manifest or index bytes as the registry serves them. */
    public Result inspectRaw(String image, Optional<Credentials> credentials) throws IOException, InterruptedException {
        return run(withAccess(List.of("inspect", "--raw"), image, credentials));
    }

    /** {@code skopeo inspect --config}: the image configuration. */
    public Result inspectConfig(String image, Optional<Credentials> credentials) throws IOException, InterruptedException {
        return run(withAccess(List.of("inspect", "--config"), image, credentials));
    }

    /** {@code skopeo list-tags docker://host/repository}: a JSON object with {@code Repository} and {@code Tags}. */
    public Result listTags(String repository, Optional<Credentials> credentials) throws IOException, InterruptedException {
        return run(withAccess(List.of("list-tags"), repository, credentials));
    }

    /** {@code skopeo delete}: deletes a manifest (by tag: the manifest the tag points at). */
    public Result delete(String image, Optional<Credentials> credentials) throws IOException, InterruptedException {
        return run(withAccess(List.of("delete"), image, credentials));
    }

    /** {@code skopeo login}: stores the credentials for {@code host} in this runner's auth file. */
    public Result login(String host, Credentials credentials) throws IOException, InterruptedException {
        return run(List.of("login", "--authfile", authFile().toString(), "--tls-verify=false",
                "--username", credentials.username(), "--password-stdin", host), credentials.password() + "\n");
    }

    public Result logout(String host) throws IOException, InterruptedException {
        return run(List.of("logout", "--authfile", authFile().toString(), host));
    }

    /** Runs skopeo with {@code arguments} after its global options; never throws for a non-zero exit. */
    public Result run(List<String> arguments) throws IOException, InterruptedException {
        return run(arguments, "");
    }

    private Result run(List<String> arguments, String input) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(executable.toString(),
                "--policy", state.resolve("policy.json").toString(),
                "--registries.d", state.resolve("registries.d").toString(),
                "--tmpdir", state.resolve("tmp").toString()));
        command.addAll(arguments);
        Path stdout = Files.createTempFile(state.resolve("tmp"), "stdout-", ".txt");
        Path stderr = Files.createTempFile(state.resolve("tmp"), "stderr-", ".txt");
        Path stdin = Files.writeString(Files.createTempFile(state.resolve("tmp"), "stdin-", ".txt"), input);
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectInput(stdin.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("HOME", state.resolve("home").toString());
            environment.put("TMPDIR", state.resolve("tmp").toString());
            environment.put("REGISTRY_AUTH_FILE", authFile().toString());
            environment.put("CONTAINERS_REGISTRIES_CONF", state.resolve("registries.conf").toString());
            environment.remove("XDG_RUNTIME_DIR");
            environment.remove("DOCKER_CONFIG");
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("skopeo did not finish in " + timeout + ": " + String.join(" ", command)
                        + "\nstdout: " + Files.readString(stdout) + "\nstderr: " + Files.readString(stderr));
            }
            return new Result(List.copyOf(command), process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(stdin);
        }
    }

    private List<String> withAccess(List<String> subcommand, String image, Optional<Credentials> credentials) {
        List<String> arguments = new ArrayList<>(subcommand);
        arguments.addAll(List.of("--authfile", authFile().toString()));
        if (isRegistry(image)) {
            arguments.add("--tls-verify=false");
        }
        credentials.ifPresent(given -> arguments.addAll(List.of("--creds", given.flagValue())));
        arguments.add(image);
        return arguments;
    }

    private static boolean isRegistry(String image) {
        return image.startsWith("docker://");
    }
}
