package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.config.ConfigKey;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request bodies that stall or trickle (registry.md section 7: bounded by timeouts), on a server whose
 * idle timeout is {@value #IDLE_SECONDS} seconds ({@code server.idle-timeout-seconds}) and whose
 * minimum body rate is {@value #MIN_BYTES_PER_SECOND} bytes per second
 * ({@code server.min-body-bytes-per-second}): the server gives up within a few seconds, answers or
 * closes, stores nothing of the slow request, keeps what the session held before, and goes on serving.
 */
abstract class SlowBodiesTest extends RunningRegistry {
    private static final int IDLE_SECONDS = 2;
    private static final int MIN_BYTES_PER_SECOND = 1024;
    /** Comfortably more than the idle timeout, far less than the default of 60 seconds. */
    private static final Duration GIVES_UP_WITHIN = Duration.ofSeconds(20);
    private static final String REPOSITORY = "library/slow";
    private final Random random = new Random(53);
    private RobustHttp client;
    private String token;

    @Override
    Map<ConfigKey, String> settings() {
        return Map.of(ConfigKey.SERVER_IDLE_TIMEOUT_SECONDS, String.valueOf(IDLE_SECONDS),
                ConfigKey.SERVER_MIN_BODY_BYTES_PER_SECOND, String.valueOf(MIN_BYTES_PER_SECOND));
    }

    @BeforeEach
    void signIn() {
        token = registry.token("repository:" + REPOSITORY + ":pull,push");
        client = registry.withToken(token);
    }

    /** Sends the head and {@code sent} of the body, then nothing: answers what the server said before it closed, and how long it took. */
    private Stalled stall(String method, String path, String contentType, int declared, byte[] sent, String... more) throws IOException {
        long start = System.nanoTime();
        try (RawHttp raw = RawHttp.open(client.base(), GIVES_UP_WITHIN)) {
            String[] headers = Stream.concat(Stream.of("Authorization: Bearer " + token,
                    "Content-Type: " + contentType, "Content-Length: " + declared), Arrays.stream(more)).toArray(String[]::new);
            raw.head(method, path, headers);
            raw.write(sent);
            String response = raw.readAll();
            return new Stalled(response, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private record Stalled(String response, Duration took) {
        void assertGaveUpCleanly() {
            assertThat(took).as("the server gives up on a stalled body").isLessThan(GIVES_UP_WITHIN);
            assertThat(took).as("but not before its idle timeout").isGreaterThanOrEqualTo(Duration.ofSeconds(IDLE_SECONDS).minusMillis(200));
            assertThat(RawHttp.status(response)).as(response).isIn(0, 408);
            if (RawHttp.status(response) != 0) {
                assertThat(response).contains("\"errors\"", "stalled for longer than the server's idle timeout").doesNotContain("java.");
            }
        }
    }

    @Test
    void aStalledChunkIsCutOffAndTheSessionKeepsWhatItHadBefore() throws IOException {
        byte[] blob = TestImages.randomBytes(random, 6000);
        String location = client.startUpload(REPOSITORY);
        assertThat(client.patch(location, Arrays.copyOfRange(blob, 0, 1000), Optional.of("0-999")).status()).isEqualTo(202);

        stall("PATCH", location, "application/octet-stream", 5000, Arrays.copyOfRange(blob, 1000, 2000), "Content-Range: 1000-5999")
                .assertGaveUpCleanly();

        Answer status = client.get(location);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Range")).as("the stalled chunk is not kept").hasValue("0-999");
        assertThat(client.patch(location, Arrays.copyOfRange(blob, 1000, 6000), Optional.of("1000-5999")).status()).isEqualTo(202);
        Answer finished = client.put(location + "?digest=" + Digest.sha256Of(blob), new byte[0], "application/octet-stream");
        assertThat(finished.status()).as("%s", finished).isEqualTo(201);
        assertThat(client.get("/v2/" + REPOSITORY + "/blobs/" + Digest.sha256Of(blob)).body()).isEqualTo(blob);
    }

    @Test
    void aStalledMonolithicPushStoresNothing() throws IOException {
        byte[] blob = TestImages.randomBytes(random, 8000);
        Digest digest = Digest.sha256Of(blob);
        stall("POST", "/v2/" + REPOSITORY + "/blobs/uploads/?digest=" + digest, "application/octet-stream", blob.length,
                Arrays.copyOf(blob, 3000)).assertGaveUpCleanly();
        assertThat(client.head("/v2/" + REPOSITORY + "/blobs/" + digest).status()).isEqualTo(404);
        client.pushBlob(REPOSITORY, blob);
        assertThat(client.get("/v2/" + REPOSITORY + "/blobs/" + digest).body()).isEqualTo(blob);
    }

    @Test
    void aStalledManifestStoresNothing() throws IOException {
        byte[] config = TestImages.config("slow");
        client.pushBlob(REPOSITORY, config);
        byte[] manifest = TestImages.imageManifest(TestImages.Descriptor.of(TestImages.IMAGE_CONFIG, config), List.of());
        stall("PUT", "/v2/" + REPOSITORY + "/manifests/stalled", TestImages.IMAGE_MANIFEST, manifest.length,
                Arrays.copyOf(manifest, manifest.length / 2)).assertGaveUpCleanly();
        assertThat(client.get("/v2/" + REPOSITORY + "/manifests/stalled").status()).isEqualTo(404);
        assertThat(client.head("/v2/" + REPOSITORY + "/manifests/" + Digest.sha256Of(manifest)).status()).isEqualTo(404);
    }

    @Test
    void aRequestWhoseHeadersNeverEndIsClosed() throws IOException {
        long start = System.nanoTime();
        try (RawHttp raw = RawHttp.open(client.base(), GIVES_UP_WITHIN)) {
            raw.write(("GET /v2/ HTTP/1.1\r\nHost: " + client.base().getAuthority() + "\r\nX-Slow: ").getBytes(StandardCharsets.US_ASCII));
            String response = raw.readAll();
            assertThat(RawHttp.status(response)).as(response).isIn(0, 400, 408);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GIVES_UP_WITHIN);
    }

    @Test
    void aBodyTricklingWithPausesLongerThanTheTimeoutIsCutOff() throws IOException {
        byte[] blob = TestImages.randomBytes(random, 100);
        String location = client.startUpload(REPOSITORY);
        long start = System.nanoTime();
        try (RawHttp raw = RawHttp.open(client.base(), GIVES_UP_WITHIN)) {
            raw.head("PATCH", location, "Authorization: Bearer " + token, "Content-Type: application/octet-stream",
                    "Content-Length: 100", "Content-Range: 0-99");
            try {
                for (int i = 0; i < 10; i++) {
                    raw.write(Arrays.copyOfRange(blob, i * 10, i * 10 + 5));
                    Thread.sleep(300);
                    raw.write(Arrays.copyOfRange(blob, i * 10 + 5, i * 10 + 10));
                    Thread.sleep((IDLE_SECONDS + 1) * 1000L);
                }
            } catch (IOException closed) {
                // the server closed the connection under the writes: what is being tested
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            String response = raw.readAll();
            assertThat(RawHttp.status(response)).as(response).isIn(0, 408);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(GIVES_UP_WITHIN);
        Answer status = client.get(location);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Range")).hasValue("0-0");
        assertThat(client.get("/healthz").status()).isEqualTo(200);
    }

    /**
     * Sends the head, then {@code body} one byte just before each idle timeout, until the server
     * answers: what it answered, and how long that took.
     */
    private Stalled trickle(String method, String path, String contentType, byte[] body, String... more) throws IOException {
        long start = System.nanoTime();
        String response;
        try (RawHttp raw = RawHttp.open(client.base(), GIVES_UP_WITHIN)) {
            String[] headers = Stream.concat(Stream.of("Authorization: Bearer " + token, "Content-Type: " + contentType,
                    "Content-Length: " + body.length), Arrays.stream(more)).toArray(String[]::new);
            raw.head(method, path, headers);
            Thread trickle = Thread.ofVirtual().start(() -> {
                try {
                    for (byte next : body) {
                        raw.write(new byte[] {next});
                        Thread.sleep(IDLE_SECONDS * 750L);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the server answered and closed the connection, or the test is over
                }
            });
            try {
                response = raw.readAll();
            } finally {
                trickle.interrupt();
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).as("the trickle is refused, although it never stays silent for the idle timeout").isLessThan(GIVES_UP_WITHIN);
        assertThat(RawHttp.status(response)).as(response).isEqualTo(408);
        assertThat(response).contains("slower than the server's minimum of " + MIN_BYTES_PER_SECOND + " bytes per second")
                .doesNotContain("java.");
        return new Stalled(response, took);
    }

    @Test
    void aBodyTricklingOneByteJustBeforeEachIdleTimeoutIsRefusedForItsRate() throws Exception {
        byte[] blob = TestImages.randomBytes(random, 1000);
        String location = client.startUpload(REPOSITORY);
        Stalled refused = trickle("PATCH", location, "application/octet-stream", blob, "Content-Range: 0-" + (blob.length - 1));
        assertThat(refused.response()).contains("\"errors\"");
        Answer status = client.get(location);
        assertThat(status.status()).isEqualTo(204);
        assertThat(status.header("Range")).as("nothing of the refused chunk is kept").hasValue("0-0");
        assertThat(client.get("/healthz").status()).isEqualTo(200);
    }

    @Test
    void theRpcApiAndTheTokenEndpointRefuseATricklingBodyInTheirOwnWords() throws Exception {
        byte[] form = ("Action=GetCallerIdentity&Version=2015-04-01&Format=JSON&Padding=" + "x".repeat(600))
                .getBytes(StandardCharsets.US_ASCII);
        Stalled rpc = trickle("POST", "/", "application/x-www-form-urlencoded", form);
        assertThat(rpc.response()).contains("\"Code\":\"RequestTimeout\"", "\"RequestId\"");
        byte[] signIn = ("grant_type=password&service=berth-registry&username=nobody&password=" + "x".repeat(600))
                .getBytes(StandardCharsets.US_ASCII);
        Stalled token = trickle("POST", "/auth/token", "application/x-www-form-urlencoded", signIn);
        assertThat(token.response()).contains("\"errors\"", "\"REQUEST_TIMEOUT\"");
        assertThat(client.get("/healthz").status()).isEqualTo(200);
    }
}
