package dev.berth.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code berth policy simulate} and {@code validate}: output and exit codes of policy.md section 6. */
class PolicyCommandTest {
    private static final Path SEEDS = Path.of(System.getProperty("berth.shared.dir", "../../shared"), "cases", "policy", "seeds.json");

    @TempDir
    Path folder;

    @Test
    void simulatingTheSharedCasesPrintsALinePerCaseAndExitsZero() {
        Result result = run("policy", "simulate", SEEDS.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).hasSizeGreaterThanOrEqualTo(84).allMatch(line -> line.endsWith("\"pass\":true}"));
    }

    @Test
    void aCaseThatMissesItsExpectationExitsOne() throws IOException {
        Path file = write("cases.json", """
                {"cases": [{"name": "wrong", "principal": {"type": "RAMUser", "account": "1234567890123456", "name": "a"},
                  "policies": [], "request": {"action": "cr:PullRepository", "resource": "acs:cr:cn-hangzhou:1234567890123456:repository/a/b"},
                  "expect": {"decision": "Allow"}},
                 {"name": "no expectation", "principal": {"type": "Account", "account": "1234567890123456"},
                  "request": {"action": "cr:PullRepository", "resource": "acs:cr:cn-hangzhou:1234567890123456:repository/a/b"}}]}
                """);
        Result result = run("policy", "simulate", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly(
                "{\"name\":\"wrong\",\"decision\":\"ImplicitDeny\",\"deciding\":[],\"pass\":false}",
                "{\"name\":\"no expectation\",\"decision\":\"Allow\",\"deciding\":[],\"pass\":null}");
    }

    @Test
    void aMalformedPolicyInACaseIsReportedAndTheRunGoesOn() throws IOException {
        Path file = write("cases.json", """
                {"cases": [{"name": "bad", "principal": {"type": "RAMUser", "account": "1234567890123456", "name": "a"},
                  "policies": [{"name": "ns-read", "scope": "Account", "document": {"Version": "1", "Statement": [{"Effect": "allow", "Action": "*", "Resource": "*"}]}}],
                  "request": {"action": "cr:PullRepository", "resource": "acs:cr:cn-hangzhou:1234567890123456:repository/a/b"},
                  "expect": {"decision": "Allow"}},
                 {"name": "good", "kind": "validate", "documentKind": "trust", "document": "{}", "expect": {"valid": false}}]}
                """);
        Result result = run("policy", "simulate", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines().toList().getFirst()).isEqualTo("{\"name\":\"bad\",\"error\":{\"code\":\"MalformedPolicyDocument\","
                + "\"message\":\"policy `ns-read`, statement 0: `Effect` must be \\\"Allow\\\" or \\\"Deny\\\", got `allow`\"},\"pass\":false}");
        assertThat(result.out().lines().toList().get(1)).endsWith("\"pass\":true}");
    }

    @Test
    void anUnreadableFileExitsTwo() throws IOException {
        assertThat(run("policy", "simulate", folder.resolve("missing.json").toString()).exitCode()).isEqualTo(2);
        assertThat(run("policy", "simulate", write("broken.json", "{\"cases\": [").toString()).exitCode()).isEqualTo(2);
        Result noCases = run("policy", "simulate", write("empty.json", "{}").toString());
        assertThat(noCases.exitCode()).isEqualTo(2);
        assertThat(noCases.err()).contains("`cases` array");
    }

    @Test
    void validatePrintsValidForAValidDocument() throws IOException {
        Path file = write("trust.json", "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":[\"cr.aliyuncs.com\"]}}]}");
        Result result = run("policy", "validate", "--kind", "trust", file.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("valid" + System.lineSeparator());
    }

    @Test
    void validatePrintsEachProblem() throws IOException {
        Path file = write("bad.json", "{\"Version\":\"2\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\"}]}");
        Result result = run("policy", "validate", "--kind", "identity", file.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly(
                "MalformedPolicyDocument: `Version` must be \"1\", got `2`",
                "MalformedPolicyDocument: statement 0: `Resource` or `NotResource` is required");
    }

    @Test
    void validateRefusesAnUnknownKind() throws IOException {
        Result result = run("policy", "validate", "--kind", "bucket", write("x.json", "{}").toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("`bucket` is not a document kind");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(folder.resolve(name), content);
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new BerthCommand());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
