package dev.berth.benchmarks.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Issue 3 section 5: with 1,000 users and 1,000 custom policies in the account, signed and authorized
 * {@code GetUser} calls of a RAM user at concurrency 16, then {@code AssumeRole}. Usage:
 * {@code IdentityLoad <endpoint> <bootstrap-credentials> <seconds> <concurrency> [server-pid [presigned-file]]}: with
 * the server's pid it prints the server's CPU per call; with a file it writes presigned GetUser requests
 * for {@code wrk}. Bounded in time;
 * talks to the given loopback endpoint only.
 */
public final class IdentityLoad {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdentityLoad() {
    }

    public static void main(String[] args) throws Exception {
        String endpoint = args[0];
        JsonNode root = JSON.readTree(Files.readString(Path.of(args[1])));
        int seconds = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        Optional<Long> serverPid = args.length > 4 ? Optional.of(Long.parseLong(args[4])) : Optional.empty();
        Optional<Path> presigned = args.length > 5 ? Optional.of(Path.of(args[5])) : Optional.empty();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        RpcSigner account = new RpcSigner(root.get("AccessKeyId").asText(), root.get("AccessKeySecret").asText(), null);
        String accountId = root.get("AccountId").asText();

        long setupStart = System.nanoTime();
        for (int i = 0; i < 1000; i++) {
            account.call(http, endpoint, "2015-05-01", "CreateUser", Map.of("UserName", "user-" + i));
            account.call(http, endpoint, "2015-05-01", "CreatePolicy", Map.of("PolicyName", "policy-" + i, "PolicyDocument",
                    "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"ram:GetUser\",\"Resource\":\"acs:ram:*:*:user/user-"
                            + i + "\"}]}"));
        }
        for (int i = 0; i < 10; i++) {
            account.call(http, endpoint, "2015-05-01", "AttachPolicyToUser", Map.of("PolicyType", "Custom", "PolicyName", "policy-" + i,
                    "UserName", "user-0"));
        }
        account.call(http, endpoint, "2015-05-01", "AttachPolicyToUser", Map.of("PolicyType", "System", "PolicyName",
                "AliyunRAMReadOnlyAccess", "UserName", "user-0"));
        account.call(http, endpoint, "2015-05-01", "AttachPolicyToUser", Map.of("PolicyType", "System", "PolicyName",
                "AliyunSTSAssumeRoleAccess", "UserName", "user-0"));
        account.call(http, endpoint, "2015-05-01", "CreateRole", Map.of("RoleName", "bench", "AssumeRolePolicyDocument",
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"RAM\":\"acs:ram::" + accountId
                        + ":root\"},\"Action\":\"sts:AssumeRole\"}]}"));
        JsonNode key = account.call(http, endpoint, "2015-05-01", "CreateAccessKey", Map.of("UserName", "user-0")).get("AccessKey");
        RpcSigner user = new RpcSigner(key.get("AccessKeyId").asText(), key.get("AccessKeySecret").asText(), null);
        System.out.printf("setup: 1000 users, 1000 custom policies in %.1f s%n", (System.nanoTime() - setupStart) / 1e9);

        run("GetUser", http, endpoint, seconds, concurrency, serverPid, () -> user.query("2015-05-01", "GetUser",
                Map.of("UserName", "user-" + (int) (Math.random() * 1000))));
        run("AssumeRole", http, endpoint, seconds, concurrency, serverPid, () -> user.query("2015-04-01", "AssumeRole",
                Map.of("RoleArn", "acs:ram::" + accountId + ":role/bench", "RoleSessionName", "bench-session")));
        if (presigned.isPresent()) {
            writePresigned(presigned.get(), seconds * 30_000, () -> user.query("2015-05-01", "GetUser",
                    Map.of("UserName", "user-" + (int) (Math.random() * 1000))));
        }
    }

    /**
     * Signs {@code count} GetUser requests ahead, one path per line, each with its own nonce and the
     * current time, for a load generator that sends them as they are ({@code bench/wrk-presigned.lua}):
     * the server checks every signature, nonce and policy as usual, while the signing's CPU is spent
     * before the measurement instead of on the cores the server needs.
     */
    private static void writePresigned(Path file, int count, Supplier<String> queries) throws java.io.IOException {
        try (java.io.BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int i = 0; i < count; i++) {
                out.write("/?" + queries.get());
                out.newLine();
            }
        }
        System.out.printf("presigned: %d GetUser requests in %s%n", count, file);
    }

    private static void run(String name, HttpClient http, String endpoint, int seconds, int concurrency, Optional<Long> serverPid,
                            Supplier<String> queries) throws Exception {
        Optional<ProcessCpu> cpu = serverPid.map(ProcessCpu::new);
        Optional<ProcessCpu.Used> cpuBefore = cpu.map(ProcessCpu::used);
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < concurrency; w++) {
            long[] samples = new long[2_000_000];
            latencies.add(samples);
            int slot = w;
            workers.add(Thread.ofVirtual().start(() -> {
                int n = 0;
                while (System.nanoTime() < deadline) {
                    long begin = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + endpoint + "/?"
                                + queries.get())).GET().build(), HttpResponse.BodyHandlers.ofString());
                        (response.statusCode() == 200 ? ok : failed).incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    if (n < samples.length) {
                        samples[n++] = System.nanoTime() - begin;
                    }
                }
                latencies.set(slot, Arrays.copyOf(samples, n));
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        System.out.printf("%s: %d ok, %d failed in %d s at concurrency %d: %.0f per second; median %.2f ms, p99 %.2f ms%n", name,
                ok.get(), failed.get(), seconds, concurrency, ok.get() / (double) seconds, all[all.length / 2] / 1e6,
                all[(int) (all.length * 0.99)] / 1e6);
        cpu.ifPresent(server -> System.out.printf("%s: the server used %.0f µs of CPU per call (a figure the load generator's"
                + " own share of the cores does not move)%n", name,
                server.used().since(cpuBefore.orElseThrow()).total() * 1e6 / Math.max(1, ok.get())));
    }
}
