package dev.berth.benchmarks.policy;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.evaluation.AttachedPolicy;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2 section 5, figures (a) to (c): one decision of a compiled policy set, the requests
 * cycling through a prepared mix of allowed and refused ones. Sample time, so that JMH reports the
 * median (p0.50) beside the mean.
 */
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PolicyEvaluationBenchmark {
    private static final int REQUESTS = 1024;
    private static final List<String> NAMESPACES = List.of("juzhong", "team-a", "team-b", "data", "ml", "web", "infra", "ops",
            "qa", "release");

    private PolicySet small;
    private Request[] smallRequests;
    private PolicySet large;
    private Request[] largeRequests;
    private PolicySet conditional;
    private String[][] conditionalRequests;
    private int next;

    @Setup
    public void setUp() {
        Random random = new Random(2026L);
        setUpSmall(random);
        setUpLarge(random);
        setUpConditional(random);
    }

    /** (a) 10 policies of 5 statements each: the usual RAM user. */
    private void setUpSmall(Random random) {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            String namespace = NAMESPACES.get(p);
            policies.add(Fixtures.attach("policy-" + p, String.join(",",
                    Fixtures.statement("Allow", "[\"cr:Get*\",\"cr:List*\",\"cr:PullRepository\"]",
                            "[\"acs:cr:*:*:repository/" + namespace + "/*\"]", ""),
                    Fixtures.statement("Allow", "\"cr:PushRepository\"", "\"acs:cr:cn-hangzhou:*:repository/" + namespace + "/app-*\"", ""),
                    Fixtures.statement("Allow", "[\"cr:ListNamespace\",\"cr:ListRepository\"]", "\"*\"", ""),
                    Fixtures.statement("Deny", "\"cr:Delete*\"", "\"acs:cr:*:*:repository/" + namespace + "/prod-*\"", ""),
                    Fixtures.statement("Allow", "\"cr:*\"", "\"acs:cr:*:*:repository/" + namespace + "/sandbox/*\"", ""))));
        }
        small = PolicySet.compile(policies, Optional.empty());
        smallRequests = new Request[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            String namespace = random.nextInt(5) == 0 ? "elsewhere" : NAMESPACES.get(random.nextInt(NAMESPACES.size()));
            String repository = switch (random.nextInt(3)) {
                case 0 -> "app-" + random.nextInt(20);
                case 1 -> "prod-" + random.nextInt(20);
                default -> "tool-" + random.nextInt(20);
            };
            smallRequests[i] = Fixtures.request(random.nextBoolean() ? Fixtures.PULL : Fixtures.PUSH,
                    Fixtures.repository(namespace, repository), RequestContext.empty());
        }
    }

    /** (b) 1,000 policies of 10 statements: one statement per repository, 10,000 in all. */
    private void setUpLarge(Random random) {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int p = 0; p < 1000; p++) {
            List<String> statements = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                String resource = "acs:cr:*:*:repository/ns-" + p + "/repo-" + s;
                statements.add(Fixtures.statement(s == 9 ? "Deny" : "Allow",
                        s % 2 == 0 ? "[\"cr:PullRepository\",\"cr:Get*\"]" : "[\"cr:PullRepository\",\"cr:PushRepository\"]",
                        "\"" + resource + "\"", ""));
            }
            policies.add(Fixtures.attach("repository-policy-" + p, String.join(",", statements)));
        }
        large = PolicySet.compile(policies, Optional.empty());
        largeRequests = new Request[REQUESTS];
        for (int i = 0; i < REQUESTS; i++) {
            String namespace = "ns-" + random.nextInt(random.nextInt(8) == 0 ? 2000 : 1000);
            largeRequests[i] = Fixtures.request(random.nextBoolean() ? Fixtures.PULL : Fixtures.PUSH,
                    Fixtures.repository(namespace, "repo-" + random.nextInt(12)), RequestContext.empty());
        }
    }

    /** (c) 10 policies of 5 statements, every statement with IP, date and string-pattern conditions. */
    private void setUpConditional(Random random) {
        String condition = "{\"IpAddress\":{\"acs:SourceIp\":[\"10.0.0.0/8\",\"172.16.0.0/12\",\"192.168.1.0/24\",\"2001:db8::/32\"]},"
                + "\"NotIpAddress\":{\"acs:SourceIp\":[\"10.66.0.0/16\"]},"
                + "\"DateGreaterThan\":{\"acs:CurrentTime\":\"2026-01-01T00:00:00Z\"},"
                + "\"DateLessThan\":{\"acs:CurrentTime\":\"2027-06-30T23:59:59+08:00\"},"
                + "\"StringLike\":{\"acs:UserAgent\":[\"skopeo/*\",\"podman/*\",\"docker/*\"]},"
                + "\"Bool\":{\"acs:SecureTransport\":\"true\"}}";
        List<AttachedPolicy> policies = new ArrayList<>();
        for (int p = 0; p < 10; p++) {
            String namespace = NAMESPACES.get(p);
            List<String> statements = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                statements.add(Fixtures.statement(s == 4 ? "Deny" : "Allow", "[\"cr:PullRepository\",\"cr:PushRepository\",\"cr:List*\"]",
                        "\"acs:cr:*:*:repository/" + namespace + "/*\"", condition));
            }
            policies.add(Fixtures.attach("conditional-" + p, String.join(",", statements)));
        }
        conditional = PolicySet.compile(policies, Optional.empty());
        List<String> addresses = List.of("10.1.2.3", "10.66.1.1", "172.20.0.5", "8.8.8.8", "2001:db8::42", "192.168.1.200");
        List<String> agents = List.of("skopeo/1.9.3", "podman/4.3.1", "curl/7.88.1", "docker/24.0.7 go/go1.20.10");
        conditionalRequests = new String[REQUESTS][];
        for (int i = 0; i < REQUESTS; i++) {
            conditionalRequests[i] = new String[] {
                    Fixtures.repository(NAMESPACES.get(random.nextInt(NAMESPACES.size())), "app"),
                    addresses.get(random.nextInt(addresses.size())),
                    random.nextInt(6) == 0 ? "2027-12-01T10:00:00Z" : "2026-11-23T10:15:30Z",
                    agents.get(random.nextInt(agents.size())),
                    random.nextInt(8) == 0 ? "false" : "true"};
        }
    }

    private int nextIndex() {
        next = (next + 1) & (REQUESTS - 1);
        return next;
    }

    @Benchmark
    public Decision a_tenPoliciesOfFiveStatements() {
        return small.evaluate(smallRequests[nextIndex()]);
    }

    @Benchmark
    public Decision b_thousandPoliciesTenThousandStatements() {
        return large.evaluate(largeRequests[nextIndex()]);
    }

    /** The request and its context are built in the measured call, as the server builds them per request. */
    @Benchmark
    public Decision c_conditionHeavyPolicies() {
        int index = nextIndex();
        String[] values = conditionalRequests[index];
        RequestContext context = RequestContext.builder()
                .put("acs:SourceIp", values[1])
                .put("acs:CurrentTime", values[2])
                .put("acs:UserAgent", values[3])
                .put("acs:SecureTransport", values[4])
                .build();
        return conditional.evaluate(Fixtures.request((index & 1) == 0 ? Fixtures.PULL : Fixtures.LIST_TAGS, values[0], context));
    }
}
