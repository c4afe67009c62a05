package dev.berth.benchmarks.policy;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.evaluation.AttachedPolicy;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.evaluation.Scope;
import dev.berth.policy.value.ResourceArn;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2 section 5, figure (d): the worst wildcard input the limits allow: one statement whose
 * resource pattern fills a 6144-character document, against a resource of the longest length a
 * request may have (2048 characters) that passes the anchored head and tail and fails only deep in
 * the middle. Each shape attacks a different part of the matcher; the figure is the slowest shape.
 */
@BenchmarkMode({Mode.SampleTime, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(org.openjdk.jmh.annotations.Scope.Thread)
public class WorstWildcardBenchmark {
    /** Characters of the request's resource: the most a request may have. */
    private static final int RESOURCE_LENGTH = ResourceArn.MAXIMUM_LENGTH;
    private static final String PREFIX = "acs:cr:*:*:repository/";
    private static final int ENVELOPE = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"cr:PullRepository\",\"Resource\":\"\"}]}".length();
    private static final int PATTERN_ROOM = 6144 - ENVELOPE - PREFIX.length();

    /**
     * {@code stars}: {@code *a*a*a...*b*c}, two thousand one-letter segments; {@code questionMarks}:
     * one segment {@code a?a?...b} as long as a resource can be; {@code longLiteral}: {@code *aaa...ab*};
     * {@code shortMasked}: hundreds of 16-character segments holding {@code ?};
     * {@code wordMasked}: hundreds of 60-character segments holding {@code ?}.
     */
    @Param({"stars", "questionMarks", "longLiteral", "shortMasked", "wordMasked"})
    public String shape;

    private PolicySet policies;
    private Request request;

    @Setup
    public void setUp() {
        int segment = RESOURCE_LENGTH - 64;
        String body = switch (shape) {
            case "stars" -> "*a".repeat(segment) + "*b*c";
            case "questionMarks" -> "*" + "a?".repeat(segment / 2) + "b*c";
            case "longLiteral" -> "*" + "a".repeat(segment) + "b*c";
            case "shortMasked" -> ("*" + "a?".repeat(7) + "aa").repeat(segment / 16) + "*b*c";
            case "wordMasked" -> ("*" + "a?".repeat(29) + "aa").repeat(segment / 60) + "*b*c";
            default -> throw new IllegalArgumentException("unknown shape " + shape);
        };
        String pattern = PREFIX + body;
        PolicyDocument document = Fixtures.parse(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"cr:PullRepository\",\"Resource\":\"" + pattern + "\"}]}");
        if (document.size() > 6144) {
            throw new IllegalStateException("document is over the limit: " + document.size());
        }
        policies = PolicySet.compile(List.of(new AttachedPolicy("worst", "v1", Scope.ACCOUNT, document)), Optional.empty());
        String resource = "acs:cr:cn-hangzhou:" + Fixtures.ACCOUNT + ":repository/";
        request = Fixtures.request(Fixtures.PULL, resource + "a".repeat(RESOURCE_LENGTH - resource.length() - 1) + "c",
                RequestContext.empty());
        if (policies.evaluate(request).allowed()) {
            throw new IllegalStateException("the worst input must not match");
        }
    }

    @Benchmark
    public Decision d_worstWildcardAtTheSizeLimit() {
        return policies.evaluate(request);
    }
}
