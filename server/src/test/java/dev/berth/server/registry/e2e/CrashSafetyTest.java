package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.registry.content.Digest;
import dev.berth.server.TestServers;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import dev.berth.server.registry.e2e.TestImages.Descriptor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crash at any moment (registry.md section 6): the server runs as its own process, is killed with
 * SIGKILL in the middle of pushes, and is started again on the same data folder. Then nothing partial
 * is visible (every tag points at a whole manifest whose blobs are there; every blob file's bytes
 * match its digest), everything acknowledged with a 201 before the kill is there and pullable byte
 * for byte, and an interrupted upload either resumes from what it holds or is {@code BLOB_UPLOAD_UNKNOWN}.
 */
abstract class CrashSafetyTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIB = 1 << 20;

    @TempDir
    Path folder;

    /** The environment that points the server at its metadata store (none: embedded H2 in the data folder). */
    abstract Map<String, String> metadataEnvironment() throws Exception;

    private Path data() {
        return folder.resolve("data");
    }

    private static RobustHttp signIn(ServerProcess server, Path data) throws IOException {
        JsonNode credentials = JSON.readTree(data.resolve("bootstrap-credentials").toFile());
        return RobustHttp.basic(server.uri(), TestServers.registryCredentials(credentials));
    }

    /** An image of one config and {@code layers} random layers pushed in full; answers its manifest's bytes. */
    private static byte[] pushImage(RobustHttp client, String repository, String tag, Random random, int layers) {
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < layers; i++) {
            blobs.add(TestImages.randomBytes(random, 50_000 + random.nextInt(50_000)));
        }
        return TestImages.pushImage(client, repository, tag, TestImages.config(repository + ":" + tag), blobs);
    }

    @Test
    void aKillDuringAChunkedUploadLosesNothingAcknowledgedAndTheUploadResumesOrIsUnknown() throws Exception {
        Map<String, String> environment = metadataEnvironment();
        Random random = new Random(61);
        byte[] blob = TestImages.randomBytes(random, 3 * MIB);
        Digest digest = Digest.sha256Of(blob);
        String location;
        byte[] acknowledged;
        int inFlight = MIB / 2;
        try (ServerProcess first = ServerProcess.start(data(), environment, "first")) {
            RobustHttp client = signIn(first, data()).bearer("library/chunked", "library/before");
            acknowledged = pushImage(client, "library/before", "v1", random, 2);
            location = client.startUpload("library/chunked");
            assertThat(client.patch(location, Arrays.copyOfRange(blob, 0, MIB), Optional.of("0-" + (MIB - 1))).status()).isEqualTo(202);
            assertThat(client.patch(location, Arrays.copyOfRange(blob, MIB, 2 * MIB), Optional.of(MIB + "-" + (2 * MIB - 1))).status())
                    .isEqualTo(202);
            try (RawHttp raw = RawHttp.open(client.base(), Duration.ofSeconds(30))) {
                raw.head("PATCH", location, "Authorization: Bearer " + client.token("repository:library/chunked:push"),
                        "Content-Type: application/octet-stream", "Content-Length: " + MIB, "Content-Range: " + 2 * MIB + "-" + (3 * MIB - 1));
                raw.write(Arrays.copyOfRange(blob, 2 * MIB, 2 * MIB + inFlight));
                Thread.sleep(500);
                first.kill();
            }
        }

        try (ServerProcess second = ServerProcess.start(data(), environment, "second")) {
            RobustHttp client = signIn(second, data()).bearer("library/chunked", "library/before");
            assertThat(client.get("/v2/library/before/manifests/v1").body()).isEqualTo(acknowledged);
            assertThat(client.head("/v2/library/chunked/blobs/" + digest).status()).isEqualTo(404);
            Answer status = client.get(location);
            if (status.status() == 204) {
                long held = Long.parseLong(status.header("Range").orElseThrow().substring(2)) + 1;
                assertThat(held).as("the session holds what was acknowledged, and at most the chunk in flight")
                        .isBetween((long) 2 * MIB, (long) 2 * MIB + inFlight);
                Answer rest = client.patch(location, Arrays.copyOfRange(blob, (int) held, 3 * MIB), Optional.of(held + "-" + (3 * MIB - 1)));
                assertThat(rest.status()).as("%s", rest).isEqualTo(202);
                Answer finished = client.put(location + "?digest=" + digest, new byte[0], "application/octet-stream");
                assertThat(finished.status()).as("the resumed upload completes: %s", finished).isEqualTo(201);
            } else {
                assertThat(status.status()).as("%s", status).isEqualTo(404);
                assertThat(status.errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
                client.pushBlob("library/chunked", blob);
            }
            assertThat(client.get("/v2/library/chunked/blobs/" + digest).body()).isEqualTo(blob);
            assertNothingPartial(signIn(second, data()), data());
        }
    }

    @Test
    void aKillDuringStreamedMonolithicBodiesStoresNothingOfThem() throws Exception {
        Map<String, String> environment = metadataEnvironment();
        Random random = new Random(67);
        byte[] put = TestImages.randomBytes(random, 2 * MIB);
        byte[] post = TestImages.randomBytes(random, 2 * MIB);
        String location;
        try (ServerProcess first = ServerProcess.start(data(), environment, "first")) {
            RobustHttp client = signIn(first, data()).bearer("library/monolithic");
            String token = client.token("repository:library/monolithic:push");
            location = client.startUpload("library/monolithic");
            try (RawHttp putting = RawHttp.open(client.base(), Duration.ofSeconds(30));
                 RawHttp posting = RawHttp.open(client.base(), Duration.ofSeconds(30))) {
                putting.head("PUT", location + "?digest=" + Digest.sha256Of(put), "Authorization: Bearer " + token,
                        "Content-Type: application/octet-stream", "Content-Length: " + put.length);
                posting.head("POST", "/v2/library/monolithic/blobs/uploads/?digest=" + Digest.sha256Of(post),
                        "Authorization: Bearer " + token, "Content-Type: application/octet-stream", "Content-Length: " + post.length);
                putting.write(Arrays.copyOf(put, put.length - 1));
                posting.write(Arrays.copyOf(post, post.length - 1));
                Thread.sleep(500);
                first.kill();
            }
        }

        try (ServerProcess second = ServerProcess.start(data(), environment, "second")) {
            RobustHttp client = signIn(second, data()).bearer("library/monolithic");
            assertThat(client.head("/v2/library/monolithic/blobs/" + Digest.sha256Of(put)).status()).isEqualTo(404);
            assertThat(client.head("/v2/library/monolithic/blobs/" + Digest.sha256Of(post)).status()).isEqualTo(404);
            Answer status = client.get(location);
            if (status.status() == 204) {
                long held = Long.parseLong(status.header("Range").orElseThrow().substring(2)) + 1;
                assertThat(held).isLessThan(put.length);
                Answer finished = client.put(location + "?digest=" + Digest.sha256Of(put), Arrays.copyOfRange(put, (int) held, put.length),
                        "application/octet-stream");
                assertThat(finished.status()).as("the resumed upload completes: %s", finished).isEqualTo(201);
            } else {
                assertThat(status.status()).as("%s", status).isEqualTo(404);
                assertThat(status.errorCode()).isEqualTo("BLOB_UPLOAD_UNKNOWN");
                client.pushBlob("library/monolithic", put);
            }
            client.pushBlob("library/monolithic", post);
            assertThat(client.get("/v2/library/monolithic/blobs/" + Digest.sha256Of(put)).body()).isEqualTo(put);
            assertThat(client.get("/v2/library/monolithic/blobs/" + Digest.sha256Of(post)).body()).isEqualTo(post);
            assertNothingPartial(signIn(second, data()), data());
        }
    }

    /** A push the server acknowledged with 201: a blob, or a manifest under a tag. */
    private record Acknowledged(String repository, String reference, byte[] bytes, boolean manifest) {
    }

    @Test
    void aKillDuringConcurrentManifestPushesKeepsEveryAcknowledgedPushWhole() throws Exception {
        Map<String, String> environment = metadataEnvironment();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        int threads = 4;
        int repositories = 2;
        Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        long killAfterMillis = 1500 + random.nextInt(2500);
        try (ServerProcess first = ServerProcess.start(data(), environment, "first")) {
            RobustHttp signedIn = signIn(first, data());
            List<Thread> pushers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String repository = "library/concurrent-" + t % repositories;
                String pusher = "p" + t;
                RobustHttp client = signedIn.bearer(repository);
                byte[] base = pushImage(client, repository, pusher + "-base", new Random(seed + t), 2);
                acknowledged.add(new Acknowledged(repository, pusher + "-base", base, true));
                long threadSeed = seed * 31 + t;
                pushers.add(Thread.ofPlatform().name("pusher-" + t).start(() -> pushUntilStopped(client, repository, pusher, base,
                        threadSeed, stop, acknowledged)));
            }
            Thread.sleep(killAfterMillis);
            first.kill();
            stop.set(true);
            for (Thread pusher : pushers) {
                pusher.join(60_000);
            }
        }
        assertThat(acknowledged).as("seed %s: pushes were acknowledged before the kill", seed).hasSizeGreaterThan(threads);

        try (ServerProcess second = ServerProcess.start(data(), environment, "second")) {
            RobustHttp signedIn = signIn(second, data());
            RobustHttp client = signedIn.bearer(Stream.iterate(0, t -> t + 1).limit(repositories).map(t -> "library/concurrent-" + t)
                    .toArray(String[]::new));
            for (Acknowledged push : acknowledged) {
                String kind = push.manifest() ? "manifests" : "blobs";
                Answer answer = client.get("/v2/" + push.repository() + "/" + kind + "/" + push.reference());
                assertThat(answer.status()).as("seed %s, killed after %s ms: acknowledged %s %s@%s", seed, killAfterMillis, kind,
                        push.repository(), push.reference()).isEqualTo(200);
                assertThat(answer.body()).as("seed %s: %s@%s", seed, push.repository(), push.reference()).isEqualTo(push.bytes());
            }
            assertNothingPartial(signedIn, data());
        }
    }

    /**
     * Pushes until {@code stop} or a failure (the kill): each round a new small blob, an image manifest
     * naming it under a new tag of {@code pusher}'s own (another pusher may share the repository), and
     * every fourth round an index of the last two manifests.
     */
    private static void pushUntilStopped(RobustHttp client, String repository, String pusher, byte[] base, long seed,
                                         AtomicBoolean stop, Queue<Acknowledged> acknowledged) {
        Random random = new Random(seed);
        List<Descriptor> recent = new ArrayList<>();
        try {
            ObjectNode template = (ObjectNode) JSON.readTree(base);
            for (int round = 0; !stop.get(); round++) {
                byte[] blob = TestImages.randomBytes(random, 1000 + random.nextInt(60_000));
                Digest digest = Digest.sha256Of(blob);
                if (client.post("/v2/" + repository + "/blobs/uploads/?digest=" + digest, blob).status() != 201) {
                    return;
                }
                acknowledged.add(new Acknowledged(repository, digest.toString(), blob, false));
                ObjectNode manifest = template.deepCopy();
                ((ArrayNode) manifest.get("layers")).add(Descriptor.of(TestImages.LAYER, blob).toJson());
                manifest.putObject("annotations").put("round", pusher + "-" + round);
                byte[] bytes = TestImages.bytes(manifest);
                String tag = pusher + "-round-" + round;
                if (client.put("/v2/" + repository + "/manifests/" + tag, bytes, TestImages.IMAGE_MANIFEST).status() != 201) {
                    return;
                }
                acknowledged.add(new Acknowledged(repository, tag, bytes, true));
                recent.add(Descriptor.of(TestImages.IMAGE_MANIFEST, bytes));
                if (round % 4 == 3) {
                    byte[] index = TestImages.index(recent.subList(recent.size() - 2, recent.size()));
                    String indexTag = pusher + "-index-" + round;
                    if (client.put("/v2/" + repository + "/manifests/" + indexTag, index, TestImages.IMAGE_INDEX).status() != 201) {
                        return;
                    }
                    acknowledged.add(new Acknowledged(repository, indexTag, index, true));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // the server was killed under this request: it was not acknowledged
        }
    }

    /**
     * Every tag of every repository points at a manifest whose bytes match its digest, and whose blobs
     * and child manifests are there with the bytes their digests and sizes say; every blob file of the
     * data folder holds the bytes its name says.
     */
    static void assertNothingPartial(RobustHttp signedIn, Path data) throws IOException {
        List<String> repositories = RobustHttp.texts(signedIn.get("/v2/_catalog").json().get("repositories"));
        assertThat(repositories).isNotEmpty();
        RobustHttp client = signedIn.bearer(repositories.toArray(String[]::new));
        for (String repository : repositories) {
            Answer tags = client.get("/v2/" + repository + "/tags/list");
            assertThat(tags.status()).as("%s", tags).isEqualTo(200);
            for (String tag : RobustHttp.texts(tags.json().get("tags"))) {
                assertWholeManifest(client, repository, tag);
            }
        }
        try (Stream<Path> files = Files.walk(data.resolve("blobs"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path relative = data.resolve("blobs").relativize(file);
                if (relative.getNameCount() >= 3 && relative.getName(1).toString().equals("blobs")) {
                    assertThat(Digest.sha256Of(Files.readAllBytes(file)).hex()).as("blob file `%s`", relative)
                            .isEqualTo(file.getFileName().toString());
                }
            }
        }
    }

    private static void assertWholeManifest(RobustHttp client, String repository, String reference) throws IOException {
        Answer manifest = client.get("/v2/" + repository + "/manifests/" + reference);
        assertThat(manifest.status()).as("manifest %s@%s: %s", repository, reference, manifest).isEqualTo(200);
        Digest digest = Digest.sha256Of(manifest.body());
        assertThat(manifest.header("Docker-Content-Digest")).as("%s@%s", repository, reference).hasValue(digest.toString());
        JsonNode document = JSON.readTree(manifest.body());
        for (JsonNode child : document.path("manifests")) {
            assertThat(child.get("size").asLong()).isEqualTo(client.head("/v2/" + repository + "/manifests/" + child.get("digest").asText())
                    .header("Content-Length").map(Long::parseLong).orElse(-1L));
            assertWholeManifest(client, repository, child.get("digest").asText());
        }
        List<JsonNode> blobs = new ArrayList<>();
        if (document.has("config")) {
            blobs.add(document.get("config"));
        }
        document.path("layers").forEach(blobs::add);
        for (JsonNode blob : blobs) {
            Answer answer = client.get("/v2/" + repository + "/blobs/" + blob.get("digest").asText());
            assertThat(answer.status()).as("blob %s of %s@%s", blob.get("digest"), repository, reference).isEqualTo(200);
            assertThat(Digest.sha256Of(answer.body()).toString()).isEqualTo(blob.get("digest").asText());
            assertThat((long) answer.body().length).isEqualTo(blob.get("size").asLong());
        }
    }
}
