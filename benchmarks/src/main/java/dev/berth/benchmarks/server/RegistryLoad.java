package dev.berth.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 4's registry figures, Berth beside Distribution, with one client: (a) monolithic push of a
 * 1 GiB blob, (b) its pull, (c) a 256 MiB chunked push in 8 MiB chunks, (d) manifest GET by tag at
 * concurrency 32 (Berth as a RAM user holding 100 policies, with a bearer token), (e) 100 small images
 * pushed by 16 clients. Bodies are generated and hashed as they stream: nothing holds a whole blob.
 * Arguments: BERTH_ENDPOINT BOOTSTRAP_CREDENTIALS DISTRIBUTION_ENDPOINT [GET_SECONDS].
 */
public final class RegistryLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final long GIB = 1L << 30;
    private static final int MIB = 1 << 20;

    private RegistryLoad() {
    }

    /** One registry under test: where it is, and how a request on a repository signs in. */
    private record Target(String name, String endpoint, Optional<Authorizer> authorizer) {
        Optional<String> authorization(String repository) throws Exception {
            return authorizer.isEmpty() ? Optional.empty() : Optional.of(authorizer.get().bearer(repository));
        }
    }

    /**
     * Gets a bearer token for {@code repository:<repo>:pull,push} from Berth's token endpoint and keeps
     * it for two minutes, as clients do (a token lasts five).
     */
    private record Authorizer(HttpClient http, String endpoint, String basic, Map<String, Map.Entry<Long, String>> tokens) {
        Authorizer(HttpClient http, String endpoint, String basic) {
            this(http, endpoint, basic, new java.util.concurrent.ConcurrentHashMap<>());
        }

        String bearer(String repository) throws Exception {
            Map.Entry<Long, String> kept = tokens.get(repository);
            if (kept != null && System.nanoTime() - kept.getKey() < Duration.ofMinutes(2).toNanos()) {
                return kept.getValue();
            }
            String token = fetch(repository);
            tokens.put(repository, Map.entry(System.nanoTime(), token));
            return token;
        }

        private String fetch(String repository) throws Exception {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + endpoint
                    + "/auth/token?service=berth-registry&scope=" + URLEncoder.encode("repository:" + repository + ":pull,push",
                    StandardCharsets.UTF_8))).header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token refused: " + response.body());
            }
            return "Bearer " + JSON.readTree(response.body()).get("token").asText();
        }
    }

    public static void main(String[] args) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).version(HttpClient.Version.HTTP_1_1)
                .build();
        String berth = args[0];
        JsonNode root = JSON.readTree(Files.readString(Path.of(args[1])));
        String distribution = args[2];
        int getSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
        String basic = setUpUser(http, berth, root);
        List<Target> targets = List.of(new Target("berth", berth, Optional.of(new Authorizer(http, berth, basic))),
                new Target("distribution", distribution, Optional.empty()));

        Map<String, double[]> figures = new java.util.LinkedHashMap<>();
        for (Target target : targets) {
            double[] row = new double[5];
            String digest = pushMonolithic(http, target, "library/big", GIB, row);
            row[1] = pull(http, target, "library/big", digest, GIB);
            row[2] = pushChunked(http, target, "library/chunked", 256L * MIB, 8 * MIB);
            row[3] = manifestGets(http, target, "library/small", getSeconds, 32);
            row[4] = smallImages(http, target, "library/many", 100, 16);
            figures.put(target.name(), row);
            System.out.printf("%s: (a) %.0f MiB/s  (b) %.0f MiB/s  (c) %.0f MiB/s  (d) %.0f GET/s  (e) %.1f images/s%n", target.name(),
                    row[0], row[1], row[2], row[3], row[4]);
        }
        double[] b = figures.get("berth");
        double[] d = figures.get("distribution");
        String[] names = {"(a) monolithic push, 1 GiB", "(b) pull, 1 GiB", "(c) chunked push, 256 MiB in 8 MiB", "(d) manifest GET by tag, c32",
            "(e) 100 small images, 16 clients"};
        String[] units = {"MiB/s", "MiB/s", "MiB/s", "GET/s", "images/s"};
        System.out.println("| figure | Berth | Distribution | Berth / Distribution |");
        System.out.println("|---|---|---|---|");
        for (int i = 0; i < 5; i++) {
            System.out.printf("| %s | %.1f %s | %.1f %s | %.2f |%n", names[i], b[i], units[i], d[i], units[i], b[i] / d[i]);
        }
    }

    /** A RAM user in ten groups of ten custom policies each (100 policies), one of which allows the bench's repositories. */
    private static String setUpUser(HttpClient http, String endpoint, JsonNode root) throws Exception {
        RpcSigner account = new RpcSigner(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText(), null);
        call(http, endpoint, account, "2015-05-01", "CreateUser", Map.of("UserName", "bench"));
        for (int g = 0; g < 10; g++) {
            call(http, endpoint, account, "2015-05-01", "CreateGroup", Map.of("GroupName", "bench-" + g));
            call(http, endpoint, account, "2015-05-01", "AddUserToGroup", Map.of("GroupName", "bench-" + g, "UserName", "bench"));
            for (int p = 0; p < 10; p++) {
                int n = g * 10 + p;
                String resource = n == 99 ? "acs:cr:*:*:repository/library/*" : "acs:cr:*:*:repository/team-" + n + "/*";
                call(http, endpoint, account, "2015-05-01", "CreatePolicy", Map.of("PolicyName", "bench-" + n, "PolicyDocument",
                        "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"cr:PullRepository\",\"cr:PushRepository\"],"
                                + "\"Resource\":\"" + resource + "\"}]}"));
                call(http, endpoint, account, "2015-05-01", "AttachPolicyToGroup", Map.of("PolicyType", "Custom", "PolicyName", "bench-" + n,
                        "GroupName", "bench-" + g));
            }
        }
        JsonNode key = call(http, endpoint, account, "2015-05-01", "CreateAccessKey", Map.of("UserName", "bench")).get("AccessKey");
        RpcSigner user = new RpcSigner(key.get("AccessKeyId").asText(), key.get("AccessKeySecret").asText(), null);
        call(http, endpoint, user, "2018-12-01", "ResetLoginPassword", Map.of("Password", "Bench-password-1"));
        return "Basic " + Base64.getEncoder().encodeToString(("bench@" + root.get("AccountId").asText() + ":Bench-password-1")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode call(HttpClient http, String endpoint, RpcSigner signer, String version, String action,
                                 Map<String, String> parameters) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + endpoint + "/?"
                + signer.query(version, action, parameters))).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(action + " failed: " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static HttpRequest.Builder request(Target target, String repository, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path
                : "http://" + target.endpoint() + path)).timeout(Duration.ofMinutes(10));
        target.authorization(repository).ifPresent(value -> request.header("Authorization", value));
        return request;
    }

    private static String location(Target target, HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("http") ? location : "http://" + target.endpoint() + location;
    }

    private static String withDigest(String location, String digest) {
        return location + (location.contains("?") ? "&" : "?") + "digest=" + digest;
    }

    private static String startUpload(HttpClient http, Target target, String repository) throws Exception {
        HttpResponse<Void> started = http.send(request(target, repository, "/v2/" + repository + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        check(started, 202, "upload start");
        return location(target, started);
    }

    /** (a): the bytes' digest is computed first from the same generator, then the push is timed. */
    private static String pushMonolithic(HttpClient http, Target target, String repository, long size, double[] row) throws Exception {
        String digest = digestOf(size, 1);
        long begin = System.nanoTime();
        String location = startUpload(http, target, repository);
        HttpResponse<Void> put = http.send(request(target, repository, withDigest(location, digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(size, 1)), size))
                .build(), HttpResponse.BodyHandlers.discarding());
        check(put, 201, "monolithic push");
        row[0] = size / (double) MIB / ((System.nanoTime() - begin) / 1e9);
        return digest;
    }

    private static double pull(HttpClient http, Target target, String repository, String digest, long size) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<InputStream> response = http.send(request(target, repository, "/v2/" + repository + "/blobs/" + digest).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        check(response, 200, "pull");
        long read = 0;
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[MIB];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                read += n;
            }
        }
        if (read != size) {
            throw new IllegalStateException("pulled " + read + " bytes of " + size);
        }
        return size / (double) MIB / ((System.nanoTime() - begin) / 1e9);
    }

    private static double pushChunked(HttpClient http, Target target, String repository, long size, int chunk) throws Exception {
        String digest = digestOf(size, 2);
        long begin = System.nanoTime();
        String location = startUpload(http, target, repository);
        try (Generated source = new Generated(size, 2)) {
            byte[] buffer = new byte[chunk];
            for (long offset = 0; offset < size; offset += chunk) {
                int length = (int) Math.min(chunk, size - offset);
                source.readNBytes(buffer, 0, length);
                HttpResponse<Void> patched = http.send(request(target, repository, location).header("Content-Type", "application/octet-stream")
                        .header("Content-Range", offset + "-" + (offset + length - 1))
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(buffer, 0, length)).build(), HttpResponse.BodyHandlers.discarding());
                check(patched, 202, "chunk");
                location = location(target, patched);
            }
        }
        HttpResponse<Void> put = http.send(request(target, repository, withDigest(location, digest)).PUT(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        check(put, 201, "chunked push end");
        return size / (double) MIB / ((System.nanoTime() - begin) / 1e9);
    }

    private static double manifestGets(HttpClient http, Target target, String repository, int seconds, int concurrency) throws Exception {
        pushImage(http, target, repository, "v1", new Random(3));
        String authorization = target.authorization(repository).orElse(null);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            workers.add(Thread.ofVirtual().start(() -> {
                while (System.nanoTime() < deadline) {
                    try {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target.endpoint() + "/v2/" + repository
                                + "/manifests/v1")).header("Accept", OCI_MANIFEST);
                        if (authorization != null) {
                            request.header("Authorization", authorization);
                        }
                        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
                        (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failed.get() > 0) {
            System.out.printf("%s: %d manifest GETs failed%n", target.name(), failed.get());
        }
        return ok.get() / (double) seconds;
    }

    private static double smallImages(HttpClient http, Target target, String repository, int images, int clients) throws Exception {
        AtomicInteger next = new AtomicInteger();
        long begin = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int c = 0; c < clients; c++) {
            workers.add(Thread.ofVirtual().start(() -> {
                for (int i; (i = next.getAndIncrement()) < images; ) {
                    try {
                        pushImage(http, target, repository, "img-" + i, new Random(100 + i));
                    } catch (Exception e) {
                        failures.add(e);
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " small images failed", failures.getFirst());
        }
        return images / ((System.nanoTime() - begin) / 1e9);
    }

    /** A small image: a config, two layers of 4 KiB and 64 KiB, a manifest under {@code tag}. */
    private static void pushImage(HttpClient http, Target target, String repository, String tag, Random random) throws Exception {
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"seed\":" + random.nextLong() + "}").getBytes(StandardCharsets.UTF_8);
        List<String> layers = new ArrayList<>();
        StringBuilder layerJson = new StringBuilder();
        for (int size : new int[] {4096, 65536}) {
            byte[] layer = new byte[size];
            random.nextBytes(layer);
            String digest = pushWhole(http, target, repository, layer);
            layers.add(digest);
            layerJson.append(layerJson.isEmpty() ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"")
                    .append(digest).append("\",\"size\":").append(size).append('}');
        }
        String configDigest = pushWhole(http, target, repository, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":" + config.length
                + "},\"layers\":[" + layerJson + "]}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> put = http.send(request(target, repository, "/v2/" + repository + "/manifests/" + tag)
                .header("Content-Type", OCI_MANIFEST).PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build(),
                HttpResponse.BodyHandlers.discarding());
        check(put, 201, "manifest push");
    }

    private static String pushWhole(HttpClient http, Target target, String repository, byte[] bytes) throws Exception {
        String digest = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        String location = startUpload(http, target, repository);
        HttpResponse<Void> put = http.send(request(target, repository, withDigest(location, digest)).header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.discarding());
        check(put, 201, "blob push");
        return digest;
    }

    private static void check(HttpResponse<?> response, int expected, String what) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + " at " + response.uri());
        }
    }

    private static String digestOf(long size, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (Generated source = new Generated(size, seed)) {
            byte[] buffer = new byte[MIB];
            for (int n; (n = source.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return "sha256:" + HexFormat.of().formatHex(sha.digest());
    }

    /** {@code size} pseudo-random bytes: one random mebibyte, each copy stamped with its index. */
    private static final class Generated extends InputStream {
        private final byte[] block = new byte[MIB];
        private final long size;
        private long position;

        Generated(long size, long seed) {
            this.size = size;
            new Random(seed).nextBytes(block);
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position >= size) {
                return -1;
            }
            int inBlock = (int) (position % MIB);
            int count = (int) Math.min(Math.min(length, MIB - inBlock), size - position);
            System.arraycopy(block, inBlock, buffer, offset, count);
            if (inBlock < 8) {
                long index = position / MIB;
                for (int i = inBlock; i < Math.min(8, inBlock + count); i++) {
                    buffer[offset + i - inBlock] = (byte) (index >>> (8 * i));
                }
            }
            position += count;
            return count;
        }

        @Override
        public void close() throws IOException {
        }
    }
}
