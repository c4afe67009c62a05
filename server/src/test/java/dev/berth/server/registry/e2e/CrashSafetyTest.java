package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.registry.content.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * registry.md section 6 under {@code SIGKILL}: the server is killed in the middle of a chunked blob
 * upload (a chunk half sent) and of manifest pushes from several clients; after a restart on the same
 * data folder nothing partial is visible, everything acknowledged is intact and pullable, and the
 * interrupted upload resumes from its acknowledged bytes or is cleanly unknown.
 */
class CrashSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final int CHUNK = 1 << 20;

    @TempDir
    Path folder;

    private String endpoint;
    private String basic;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private HttpResponse<String> call(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + endpoint + path)).timeout(Duration.ofSeconds(60))
                .method(method, body).header("Authorization", basic);
        headers.forEach(request::header);
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, byte[] body, Map<String, String> headers) throws Exception {
        return call(method, path, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    @Test
    void aKilledServerShowsNothingPartialKeepsWhatItAcknowledgedAndResumesOrForgetsTheUpload() throws Exception {
        Path data = folder.resolve("data");
        Random random = new Random(5);
        byte[] blob = new byte[4 * CHUNK];
        random.nextBytes(blob);
        Map<String, byte[]> acknowledged = new ConcurrentHashMap<>();
        String location;
        try (ServerProcess server = ServerProcess.start(data)) {
            endpoint = server.endpoint();
            JsonNode credentials = JSON.readTree(data.resolve("bootstrap-credentials").toFile());
            basic = "Basic " + Base64.getEncoder().encodeToString((credentials.get("AccountId").asText() + ":"
                    + credentials.get("RegistryPassword").asText()).getBytes(StandardCharsets.UTF_8));

            HttpResponse<String> started = call("POST", "/v2/library/big/blobs/uploads/", (byte[]) null, Map.of());
            assertThat(started.statusCode()).isEqualTo(202);
            location = started.headers().firstValue("Location").orElseThrow();
            for (int i = 0; i < 2; i++) {
                byte[] chunk = java.util.Arrays.copyOfRange(blob, i * CHUNK, (i + 1) * CHUNK);
                assertThat(call("PATCH", location, chunk, Map.of("Content-Range", i * CHUNK + "-" + ((i + 1) * CHUNK - 1),
                        "Content-Type", "application/octet-stream")).statusCode()).isEqualTo(202);
            }

            AtomicBoolean pushing = new AtomicBoolean(true);
            List<Thread> pushers = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                int id = client;
                pushers.add(Thread.ofVirtual().start(() -> pushImages(id, pushing, acknowledged)));
            }
            CountDownLatch halfSent = new CountDownLatch(1);
            Thread slow = Thread.ofVirtual().start(() -> {
                try {
                    call("PATCH", location, HttpRequest.BodyPublishers.ofInputStream(() -> new HalfThenStall(
                            java.util.Arrays.copyOfRange(blob, 2 * CHUNK, 3 * CHUNK), halfSent)),
                            Map.of("Content-Range", 2 * CHUNK + "-" + (3 * CHUNK - 1), "Content-Type", "application/octet-stream"));
                } catch (IOException | InterruptedException e) {
                    // the server died under it, as meant
                }
            });
            halfSent.await();
            while (acknowledged.size() < 12) {
                Thread.sleep(20);
            }
            server.kill();
            pushing.set(false);
            for (Thread pusher : pushers) {
                pusher.join(30_000);
            }
            slow.join(30_000);
        }

        try (ServerProcess server = ServerProcess.start(data)) {
            endpoint = server.endpoint();
            assertNothingPartialIsVisible(data.resolve("blobs"));
            for (Map.Entry<String, byte[]> image : acknowledged.entrySet()) {
                HttpResponse<String> manifest = call("GET", "/v2/library/crash/manifests/" + image.getKey(), (byte[]) null,
                        Map.of("Accept", OCI_MANIFEST));
                assertThat(manifest.statusCode()).as("acknowledged tag `%s`", image.getKey()).isEqualTo(200);
                assertThat(manifest.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(image.getValue());
                String config = JSON.readTree(manifest.body()).at("/config/digest").asText();
                HttpResponse<byte[]> bytes = client.send(HttpRequest.newBuilder(URI.create("http://" + endpoint
                        + "/v2/library/crash/blobs/" + config)).header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(bytes.statusCode()).isEqualTo(200);
                assertThat(Digest.sha256Of(bytes.body()).toString()).isEqualTo(config);
            }

            HttpResponse<String> status = call("GET", location, (byte[]) null, Map.of());
            if (status.statusCode() == 204) {
                String range = status.headers().firstValue("Range").orElseThrow();
                long held = Long.parseLong(range.substring(range.indexOf('-') + 1)) + 1;
                assertThat(held).as("an acknowledged chunk is kept, a half-sent one is not").isEqualTo(2L * CHUNK);
                byte[] rest = java.util.Arrays.copyOfRange(blob, (int) held, blob.length);
                assertThat(call("PATCH", location, rest, Map.of("Content-Range", held + "-" + (blob.length - 1),
                        "Content-Type", "application/octet-stream")).statusCode()).isEqualTo(202);
                Digest digest = Digest.sha256Of(blob);
                assertThat(call("PUT", location + "?digest=" + digest, (byte[]) null, Map.of()).statusCode()).isEqualTo(201);
                HttpResponse<byte[]> pulled = client.send(HttpRequest.newBuilder(URI.create("http://" + endpoint
                        + "/v2/library/big/blobs/" + digest)).header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofByteArray());
                assertThat(pulled.body()).isEqualTo(blob);
            } else {
                assertThat(status.statusCode()).isEqualTo(404);
                assertThat(JSON.readTree(status.body()).at("/errors/0/code").asText()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
            }
        }
    }

    /** Pushes small images (a config and a manifest) under tags of its own until told to stop; keeps what was acknowledged. */
    private void pushImages(int client, AtomicBoolean pushing, Map<String, byte[]> acknowledged) {
        for (int i = 0; pushing.get(); i++) {
            try {
                byte[] config = ("{\"client\":" + client + ",\"image\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                Digest digest = Digest.sha256Of(config);
                if (call("POST", "/v2/library/crash/blobs/uploads/?digest=" + digest, config,
                        Map.of("Content-Type", "application/octet-stream")).statusCode() != 201) {
                    continue;
                }
                byte[] manifest = """
                        {"schemaVersion":2,"mediaType":"%s","config":{"mediaType":"application/vnd.oci.image.config.v1+json",\
                        "digest":"%s","size":%d},"layers":[]}""".formatted(OCI_MANIFEST, digest, config.length)
                        .getBytes(StandardCharsets.UTF_8);
                String tag = "c" + client + "-" + i;
                if (call("PUT", "/v2/library/crash/manifests/" + tag, manifest, Map.of("Content-Type", OCI_MANIFEST)).statusCode() == 201) {
                    acknowledged.put(tag, manifest);
                }
            } catch (Exception e) {
                return;
            }
        }
    }

    /** Every file in the blob tree has the digest its name says: no blob is visible half written. */
    private static void assertNothingPartialIsVisible(Path blobs) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(blobs)) {
            files = walk.filter(Files::isRegularFile).filter(path -> path.getParent().getParent().getFileName().toString().equals("sha256")
                    && path.toString().contains("/blobs/sha256/")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(Digest.sha256Of(Files.readAllBytes(file)).hex()).as("blob file `%s`", file).isEqualTo(file.getFileName().toString());
        }
    }

    /** A body that sends its first half, says so, and then never ends (the server dies under it). */
    private static final class HalfThenStall extends InputStream {
        private final byte[] bytes;
        private final CountDownLatch halfSent;
        private int position;

        HalfThenStall(byte[] bytes, CountDownLatch halfSent) {
            this.bytes = bytes;
            this.halfSent = halfSent;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= bytes.length / 2) {
                halfSent.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("stalled");
            }
            int count = Math.min(length, bytes.length / 2 - position);
            System.arraycopy(bytes, position, buffer, offset, count);
            position += count;
            return count;
        }
    }
}
