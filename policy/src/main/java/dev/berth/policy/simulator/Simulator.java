package dev.berth.policy.simulator;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The policy simulator (policy.md section 6): reads {@code {"cases": [...]}}, runs each case on
 * the engine and writes one JSON line per case. The same engine the server uses, with no server.
 */
public final class Simulator {
    /** Every case that states an expectation met it. */
    public static final int ALL_MET = 0;
    /** Some case did not meet its expectation. */
    public static final int SOME_UNMET = 1;
    /** The file itself could not be read. */
    public static final int UNREADABLE = 2;

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Simulator() {
    }

    /** The result of one case: its output line, and whether it met its expectation (null: none stated). */
    public record CaseResult(String name, ObjectNode line, Boolean pass) {
        public String json() {
            return line.toString();
        }
    }

    /** A whole run: the cases' results, or why the file was unreadable. */
    public record Run(List<CaseResult> results, String unreadable) {
        public int exitCode() {
            if (unreadable != null) {
                return UNREADABLE;
            }
            return results.stream().anyMatch(result -> Boolean.FALSE.equals(result.pass())) ? SOME_UNMET : ALL_MET;
        }
    }

    /** Runs every case of {@code fileText}, handing each result to {@code sink} as soon as it is known. */
    public static Run run(String fileText, Consumer<CaseResult> sink) {
        Objects.requireNonNull(fileText, "fileText");
        JsonNode root;
        try {
            root = MAPPER.readTree(fileText);
        } catch (JsonProcessingException e) {
            return new Run(List.of(), "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject() || !root.path("cases").isArray()) {
            return new Run(List.of(), "expected an object with a `cases` array");
        }
        List<CaseResult> results = new ArrayList<>();
        for (JsonNode testCase : root.get("cases")) {
            CaseResult result = runCase(testCase);
            results.add(result);
            sink.accept(result);
        }
        return new Run(results, null);
    }

    static CaseResult runCase(JsonNode testCase) {
        String name = testCase.path("name").isTextual() ? testCase.get("name").textValue() : "";
        ObjectNode line = MAPPER.createObjectNode().put("name", name);
        try {
            if (!testCase.isObject()) {
                throw new InvalidCaseException("a case must be an object");
            }
            String kind = testCase.path("kind").isMissingNode() ? "evaluate" : CaseFields.text(testCase, "kind");
            Boolean pass = switch (kind) {
                case "evaluate" -> EvaluateCase.run(testCase, line);
                case "assumeRole" -> AssumeRoleCase.run(testCase, line);
                case "validate" -> ValidateCase.run(testCase, line);
                default -> throw new InvalidCaseException(
                        "`kind` must be `evaluate`, `assumeRole` or `validate`, got `" + kind + "`");
            };
            line.set("pass", pass == null ? MAPPER.nullNode() : MAPPER.getNodeFactory().booleanNode(pass));
            return new CaseResult(name, line, pass);
        } catch (MalformedPolicyDocumentException e) {
            return failed(name, MalformedPolicyDocumentException.CODE, e.getMessage());
        } catch (InvalidCaseException e) {
            return failed(name, InvalidCaseException.CODE, e.getMessage());
        }
    }

    private static CaseResult failed(String name, String code, String message) {
        ObjectNode line = MAPPER.createObjectNode().put("name", name);
        line.putObject("error").put("code", code).put("message", message);
        line.put("pass", false);
        return new CaseResult(name, line, false);
    }
}
