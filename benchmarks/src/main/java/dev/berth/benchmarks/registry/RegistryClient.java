package dev.berth.benchmarks.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The requests of the OCI distribution specification that the benchmark makes, against one registry
 * at {@code http://<address>}. Blob bodies stream in both directions: a push reads its bytes as it
 * sends them, a pull hashes them as they arrive. Every unexpected answer is an exception naming the
 * request and the answer.
 */
final class RegistryClient {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final Duration SMALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LARGE_TIMEOUT = Duration.ofMinutes(10);
    private static final String OCTETS = "application/octet-stream";

    private final String name;
    private final HttpClient http;
    private final URI base;
    private final RegistryAuth auth;

    RegistryClient(String name, HttpClient http, String address, RegistryAuth auth) {
        this.name = Objects.requireNonNull(name, "name");
        this.http = Objects.requireNonNull(http, "http");
        this.base = URI.create("http://" + address + "/");
        this.auth = Objects.requireNonNull(auth, "auth");
    }

    String name() {
        return name;
    }

    /** A client of the same registry with other credentials. */
    RegistryClient as(RegistryAuth other) {
        return new RegistryClient(name, http, base.getAuthority(), other);
    }

    /** A monolithic push: {@code POST} opens an upload, one {@code PUT ?digest=} carries the whole blob. */
    void pushMonolithic(String repository, BlobBody blob) throws IOException, InterruptedException {
        URI upload = startUpload(repository);
        HttpResponse<String> done = send(request(withDigest(upload, blob.digest()), repository, "pull,push", blob.size())
                .header("Content-Type", OCTETS)
                .PUT(streaming(blob.content().get(), blob.size())), BodyHandlers.ofString(), "PUT blob " + blob.digest());
        expect(done, Set.of(201), "PUT blob " + blob.digest());
    }

    /** A chunked push: {@code POST}, a {@code PATCH} with {@code Content-Range} per chunk, then {@code PUT ?digest=} with no body. */
    void pushChunked(String repository, BlobBody blob, long chunkSize) throws IOException, InterruptedException {
        URI upload = startUpload(repository);
        try (InputStream content = blob.content().get()) {
            for (long start = 0; start < blob.size(); start += chunkSize) {
                long length = Math.min(chunkSize, blob.size() - start);
                String range = start + "-" + (start + length - 1);
                HttpResponse<String> patched = send(request(upload, repository, "pull,push", length)
                        .header("Content-Type", OCTETS)
                        .header("Content-Range", range)
                        .method("PATCH", streaming(new BoundedInputStream(content, length), length)), BodyHandlers.ofString(),
                        "PATCH " + range);
                expect(patched, Set.of(202), "PATCH " + range);
                upload = location(patched, "PATCH " + range);
            }
        }
        HttpResponse<String> done = send(request(withDigest(upload, blob.digest()), repository, "pull,push", 0)
                .PUT(BodyPublishers.noBody()), BodyHandlers.ofString(), "PUT closing the upload of " + blob.digest());
        expect(done, Set.of(201), "PUT closing the upload of " + blob.digest());
    }

    /** Pushes a small blob as a client does: {@code HEAD} first, and {@code POST} plus {@code PUT} when it is missing. */
    void pushIfMissing(String repository, BlobBody blob) throws IOException, InterruptedException {
        URI uri = base.resolve("v2/" + repository + "/blobs/" + blob.digest());
        HttpResponse<Void> head = send(request(uri, repository, "pull,push", -1).HEAD(),
                BodyHandlers.discarding(), "HEAD blob " + blob.digest());
        if (head.statusCode() == 200) {
            return;
        }
        if (head.statusCode() != 404) {
            throw new IllegalStateException(name + ": HEAD blob " + blob.digest() + " answered " + head.statusCode());
        }
        pushMonolithic(repository, blob);
    }

    /** Pulls a blob, hashing it as it arrives; fails unless the bytes have the expected digest and size. */
    void pull(String repository, BlobBody blob) throws IOException, InterruptedException {
        URI uri = base.resolve("v2/" + repository + "/blobs/" + blob.digest());
        HttpResponse<DigestingSubscriber.Received> response = send(request(uri, repository, "pull", -1).GET(),
                info -> BodySubscribers.fromSubscriber(new DigestingSubscriber(), DigestingSubscriber::received), "GET blob " + blob.digest());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(name + ": GET blob " + blob.digest() + " answered " + response.statusCode());
        }
        DigestingSubscriber.Received received = response.body();
        if (!received.digest().equals(blob.digest()) || received.size() != blob.size()) {
            throw new IllegalStateException(name + ": GET blob " + blob.digest() + " gave " + received.size() + " bytes of digest "
                    + received.digest());
        }
    }

    void putManifest(String repository, String tag, byte[] manifest) throws IOException, InterruptedException {
        URI uri = base.resolve("v2/" + repository + "/manifests/" + tag);
        HttpResponse<String> response = send(request(uri, repository, "pull,push", manifest.length)
                .header("Content-Type", OCI_MANIFEST)
                .PUT(BodyPublishers.ofByteArray(manifest)), BodyHandlers.ofString(), "PUT manifest " + repository + ":" + tag);
        expect(response, Set.of(201), "PUT manifest " + repository + ":" + tag);
    }

    /** {@code GET} of a manifest by tag: whether it answered 200 with the expected digest. */
    boolean getManifest(String repository, String tag, String digest) throws IOException, InterruptedException {
        URI uri = base.resolve("v2/" + repository + "/manifests/" + tag);
        HttpResponse<byte[]> response = http.send(request(uri, repository, "pull", -1).header("Accept", OCI_MANIFEST).GET().build(),
                BodyHandlers.ofByteArray());
        return response.statusCode() == 200 && digest.equals(response.headers().firstValue("Docker-Content-Digest").orElse(""));
    }

    private URI startUpload(String repository) throws IOException, InterruptedException {
        HttpResponse<String> started = send(request(base.resolve("v2/" + repository + "/blobs/uploads/"), repository, "pull,push", 0)
                .POST(BodyPublishers.noBody()), BodyHandlers.ofString(), "POST upload to " + repository);
        expect(started, Set.of(202), "POST upload to " + repository);
        return location(started, "POST upload to " + repository);
    }

    private HttpRequest.Builder request(URI uri, String repository, String actions, long bodySize) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(bodySize > (64 << 20) ? LARGE_TIMEOUT : SMALL_TIMEOUT);
        auth.authorization(repository, actions).ifPresent(value -> builder.header("Authorization", value));
        return builder;
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, BodyHandler<T> handler, String what)
            throws IOException, InterruptedException {
        try {
            return http.send(request.build(), handler);
        } catch (IOException e) {
            throw new IOException(name + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    private void expect(HttpResponse<String> response, Set<Integer> statuses, String what) {
        if (!statuses.contains(response.statusCode())) {
            String body = response.body();
            throw new IllegalStateException(name + ": " + what + " answered " + response.statusCode() + ": "
                    + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
        }
    }

    private URI location(HttpResponse<?> response, String what) {
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> new IllegalStateException(name + ": " + what + " answered no Location"));
        return base.resolve(location);
    }

    private static URI withDigest(URI upload, String digest) {
        String text = upload.toString();
        return URI.create(text + (text.contains("?") ? "&" : "?") + "digest=" + digest.replace(":", "%3A"));
    }

    private static BodyPublisher streaming(InputStream content, long size) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> content), size);
    }

    /** The first {@code limit} bytes of a stream that stays open for the next chunk. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int read = in.read(target, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }

        @Override
        public void close() {
            // the underlying stream carries on with the next chunk
        }
    }
}
