package dev.berth.server.registry.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.content.Digest;
import dev.berth.server.registry.e2e.RobustHttp.Answer;
import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Blob pushes gone wrong (registry.md section 7) over HTTP: bytes that do not match their digest or
 * their declared length, chunks with gaps, overlaps or out of order, a session used after it closed or
 * in another repository. Each answers its OCI error and status; no blob becomes visible; what the
 * session held before the bad request is still there.
 */
abstract class MalformedUploadsTest extends RunningRegistry {
    private static final String REPOSITORY = "library/uploads";
    private static final String OTHER = "library/uploads-other";
    private final Random random = new Random(23);
    private RobustHttp client;

    @BeforeEach
    void signIn() {
        client = registry.bearer(REPOSITORY, OTHER);
    }

    private static void assertError(Answer answer, int status, String code) {
        assertThat(answer.status()).as("%s", answer).isEqualTo(status);
        assertThat(answer.errorCode()).as("%s", answer).isEqualTo(code);
        assertThat(answer.errorMessage()).as("%s", answer).isNotBlank();
    }

    private void assertNoBlob(String repository, Digest digest) {
        Answer head = client.head("/v2/" + repository + "/blobs/" + digest);
        assertThat(head.status()).as("%s", head).isEqualTo(404);
        assertError(client.get("/v2/" + repository + "/blobs/" + digest), 404, "BLOB_UNKNOWN");
    }

    private void assertBlob(String repository, byte[] bytes) {
        Answer answer = client.get("/v2/" + repository + "/blobs/" + Digest.sha256Of(bytes));
        assertThat(answer.status()).as("%s", answer).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(bytes);
    }

    private Answer patch(String location, byte[] blob, int from, int to) {
        return client.patch(location, Arrays.copyOfRange(blob, from, to), Optional.of(from + "-" + (to - 1)));
    }

    private void assertHolds(String location, long size) {
        Answer status = client.get(location);
        assertThat(status.status()).as("%s", status).isEqualTo(204);
        assertThat(status.header("Range")).hasValue("0-" + Math.max(0, size - 1));
    }

    @Test
    void aMonolithicBlobWhoseBytesDoNotMatchItsDigestIsDigestInvalidAndNothingIsStored() {
        byte[] claimed = TestImages.randomBytes(random, 2048);
        byte[] sent = TestImages.randomBytes(random, 2048);
        Answer answer = client.post("/v2/" + REPOSITORY + "/blobs/uploads/?digest=" + Digest.sha256Of(claimed), sent);
        assertError(answer, 400, "DIGEST_INVALID");
        assertNoBlob(REPOSITORY, Digest.sha256Of(claimed));
        assertNoBlob(REPOSITORY, Digest.sha256Of(sent));
    }

    @Test
    void aChunkedBlobWhoseBytesDoNotMatchItsDigestIsDigestInvalidAndTheSessionEnds() {
        byte[] blob = TestImages.randomBytes(random, 4096);
        Digest wrong = Digest.sha256Of(TestImages.randomBytes(random, 4096));
        String location = client.startUpload(REPOSITORY);
        assertThat(patch(location, blob, 0, 4096).status()).isEqualTo(202);

        assertError(client.put(location + "?digest=" + wrong, new byte[0], "application/octet-stream"), 400, "DIGEST_INVALID");
        assertNoBlob(REPOSITORY, wrong);
        assertNoBlob(REPOSITORY, Digest.sha256Of(blob));
        assertError(client.get(location), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void aBodyShorterThanItsDeclaredLengthStoresNothing() throws IOException {
        byte[] blob = TestImages.randomBytes(random, 10_000);
        Digest digest = Digest.sha256Of(blob);
        try (RawHttp raw = RawHttp.open(client.base(), Duration.ofSeconds(30))) {
            raw.head("POST", "/v2/" + REPOSITORY + "/blobs/uploads/?digest=" + digest,
                    "Authorization: " + started.registryCredentials().basicAuthorization(), "Content-Type: application/octet-stream", "Content-Length: " + blob.length);
            raw.write(Arrays.copyOf(blob, blob.length / 2));
            raw.halfClose();
            String response = raw.readAll();
            assertThat(RawHttp.status(response)).as(response).isIn(0, 400);
            if (RawHttp.status(response) == 400) {
                assertThat(response).contains("the request body ended before its declared length");
            }
        }
        assertNoBlob(REPOSITORY, digest);
        assertNoBlob(REPOSITORY, Digest.sha256Of(Arrays.copyOf(blob, blob.length / 2)));
        client.pushBlob(REPOSITORY, blob);
        assertBlob(REPOSITORY, blob);
    }

    @Test
    void aChunkShorterOrLongerThanItsRangeIsRangeNotSatisfiable() {
        byte[] blob = TestImages.randomBytes(random, 300);
        String location = client.startUpload(REPOSITORY);
        assertThat(patch(location, blob, 0, 100).status()).isEqualTo(202);

        Answer longer = client.patch(location, Arrays.copyOfRange(blob, 100, 200), Optional.of("100-149"));
        assertError(longer, 416, "BLOB_UPLOAD_INVALID");
        assertHolds(location, 100);
        Answer shorter = client.patch(location, Arrays.copyOfRange(blob, 100, 150), Optional.of("100-199"));
        assertError(shorter, 416, "BLOB_UPLOAD_INVALID");

        long held = Long.parseLong(client.get(location).header("Range").orElseThrow().substring(2)) + 1;
        assertThat(held).as("a short chunk keeps what arrived, or nothing of it").isIn(100L, 150L);
        assertThat(patch(location, blob, (int) held, 300).status()).isEqualTo(202);
        assertThat(client.put(location + "?digest=" + Digest.sha256Of(blob), new byte[0], "application/octet-stream").status())
                .isEqualTo(201);
        assertBlob(REPOSITORY, blob);
    }

    @Test
    void gapsOverlapsAndOutOfOrderChunksAreRangeNotSatisfiableAndLoseNothing() {
        byte[] blob = TestImages.randomBytes(random, 3000);
        String location = client.startUpload(REPOSITORY);

        assertError(patch(location, blob, 1000, 2000), 416, "BLOB_UPLOAD_INVALID");
        assertHolds(location, 0);
        assertThat(patch(location, blob, 0, 1000).status()).isEqualTo(202);
        assertError(patch(location, blob, 2000, 3000), 416, "BLOB_UPLOAD_INVALID");
        assertError(patch(location, blob, 500, 1500), 416, "BLOB_UPLOAD_INVALID");
        assertError(patch(location, blob, 0, 1000), 416, "BLOB_UPLOAD_INVALID");
        assertError(client.patch(location, new byte[0], Optional.of("999-998")), 416, "BLOB_UPLOAD_INVALID");
        assertError(client.patch(location, new byte[10], Optional.of("garbage")), 416, "BLOB_UPLOAD_INVALID");
        assertHolds(location, 1000);
        assertNoBlob(REPOSITORY, Digest.sha256Of(blob));

        Answer next = patch(location, blob, 1000, 2000);
        assertThat(next.status()).isEqualTo(202);
        assertThat(next.header("Range")).hasValue("0-1999");
        Answer last = client.send("PUT", location + "?digest=" + Digest.sha256Of(blob), Map.of("Content-Type",
                "application/octet-stream", "Content-Range", "2000-2999"), BodyPublishers.ofByteArray(
                Arrays.copyOfRange(blob, 2000, 3000)));
        assertThat(last.status()).as("%s", last).isEqualTo(201);
        assertBlob(REPOSITORY, blob);
    }

    @Test
    void aPatchOrPutAfterTheUploadClosedIsBlobUploadUnknown() {
        byte[] blob = TestImages.randomBytes(random, 500);
        String finished = client.startUpload(REPOSITORY);
        assertThat(patch(finished, blob, 0, 500).status()).isEqualTo(202);
        assertThat(client.put(finished + "?digest=" + Digest.sha256Of(blob), new byte[0], "application/octet-stream").status())
                .isEqualTo(201);

        assertError(client.patch(finished, new byte[10], Optional.of("500-509")), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.patch(finished, new byte[] {1, 2, 3}, Optional.empty()), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.put(finished + "?digest=" + Digest.sha256Of(blob), new byte[0], "application/octet-stream"), 404,
                "BLOB_UPLOAD_UNKNOWN");
        assertError(client.get(finished), 404, "BLOB_UPLOAD_UNKNOWN");
        assertBlob(REPOSITORY, blob);

        String cancelled = client.startUpload(REPOSITORY);
        assertThat(client.delete(cancelled).status()).isEqualTo(204);
        assertError(client.patch(cancelled, new byte[] {1}, Optional.of("0-0")), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.delete(cancelled), 404, "BLOB_UPLOAD_UNKNOWN");
    }

    @Test
    void anUploadIdUsedInAnotherRepositoryIsBlobUploadUnknownAndTheSessionIsUntouched() {
        byte[] blob = TestImages.randomBytes(random, 2000);
        String location = client.startUpload(REPOSITORY);
        assertThat(patch(location, blob, 0, 1000).status()).isEqualTo(202);
        String id = location.substring(location.lastIndexOf('/') + 1);
        String elsewhere = "/v2/" + OTHER + "/blobs/uploads/" + id;
        client.pushBlob(OTHER, TestImages.randomBytes(random, 10));

        assertError(client.get(elsewhere), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(patch(elsewhere, blob, 1000, 2000), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.put(elsewhere + "?digest=" + Digest.sha256Of(blob), Arrays.copyOfRange(blob, 1000, 2000),
                "application/octet-stream"), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.delete(elsewhere), 404, "BLOB_UPLOAD_UNKNOWN");
        assertNoBlob(OTHER, Digest.sha256Of(blob));

        assertHolds(location, 1000);
        assertThat(patch(location, blob, 1000, 2000).status()).isEqualTo(202);
        assertThat(client.put(location + "?digest=" + Digest.sha256Of(blob), new byte[0], "application/octet-stream").status())
                .isEqualTo(201);
        assertBlob(REPOSITORY, blob);
        assertNoBlob(OTHER, Digest.sha256Of(blob));
    }

    @Test
    void anUploadIdThatIsNoSessionIsBlobUploadUnknown() {
        client.pushBlob(REPOSITORY, TestImages.randomBytes(random, 10));
        assertError(client.get("/v2/" + REPOSITORY + "/blobs/uploads/not-a-uuid"), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.get("/v2/" + REPOSITORY + "/blobs/uploads/0b7c4c5e-8a3b-4c2a-9d7e-1f2a3b4c5d6e"), 404, "BLOB_UPLOAD_UNKNOWN");
        assertError(client.patch("/v2/" + REPOSITORY + "/blobs/uploads/" + "9".repeat(300), new byte[] {1}, Optional.empty()), 404,
                "BLOB_UPLOAD_UNKNOWN");
    }
}
