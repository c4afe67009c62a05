package dev.berth.policy.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.berth.policy.document.Condition;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.Effect;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PatternList;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.document.PrincipalSpec;
import dev.berth.policy.document.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the JSON text of a policy document into a {@link PolicyDocument} (policy.md section 1),
 * or refuses it with every problem found, each saying where and what. Reading never throws
 * anything but {@link MalformedPolicyDocumentException}.
 */
public final class PolicyDocumentReader {
    private static final Set<String> TOP_LEVEL_KEYS = Set.of("Version", "Statement");
    private static final Set<String> STATEMENT_KEYS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "Condition");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private PolicyDocumentReader() {
    }

    /** Reads {@code text} as a document of {@code kind}. */
    public static PolicyDocument read(String text, DocumentKind kind) throws MalformedPolicyDocumentException {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(kind, "kind");
        int size = DocumentSize.count(text);
        if (size > kind.sizeLimit()) {
            throw new MalformedPolicyDocumentException(List.of("document is " + size
                    + " characters without whitespace, over the limit of " + kind.sizeLimit()
                    + " for a " + kind.label() + " policy"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedPolicyDocumentException(List.of(JsonErrors.describe(e)));
        }
        if (root == null || root.isMissingNode()) {
            throw new MalformedPolicyDocumentException(List.of("document is empty"));
        }
        Problems problems = new Problems();
        List<Statement> statements = readDocument(root, kind, problems);
        if (!problems.isEmpty()) {
            throw new MalformedPolicyDocumentException(problems.list());
        }
        return new PolicyDocument(kind, statements, size);
    }

    /** Reads a document given as parsed JSON (as in a simulator case), counting its compact text. */
    public static PolicyDocument read(JsonNode document, DocumentKind kind) throws MalformedPolicyDocumentException {
        Objects.requireNonNull(document, "document");
        return read(document.toString(), kind);
    }

    private static List<Statement> readDocument(JsonNode root, DocumentKind kind, Problems problems) {
        if (!root.isObject()) {
            problems.add("", "document must be a JSON object, got " + JsonText.describe(root));
            return List.of();
        }
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!TOP_LEVEL_KEYS.contains(field.getKey())) {
                problems.add("", "unknown top-level key " + Problems.quote(field.getKey()));
            }
        }
        JsonNode version = root.get("Version");
        if (version == null) {
            problems.add("", "`Version` is required");
        } else if (!version.isTextual() || !version.textValue().equals("1")) {
            problems.add("", "`Version` must be \"1\", got " + JsonText.show(version));
        }
        JsonNode statement = root.get("Statement");
        if (statement == null) {
            problems.add("", "`Statement` is required");
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        if (statement.isObject()) {
            elements.add(statement);
        } else if (statement.isArray() && !statement.isEmpty()) {
            statement.forEach(elements::add);
        } else {
            problems.add("", "`Statement` must be a non-empty array of statements, got " + JsonText.describe(statement));
            return List.of();
        }
        List<Statement> statements = new ArrayList<>();
        for (int index = 0; index < elements.size(); index++) {
            readStatement(index, elements.get(index), kind, problems).ifPresent(statements::add);
        }
        return statements;
    }

    private static Optional<Statement> readStatement(int index, JsonNode node, DocumentKind kind, Problems problems) {
        String where = "statement " + index;
        if (!node.isObject()) {
            problems.add(where, "must be an object, got " + JsonText.describe(node));
            return Optional.empty();
        }
        int before = problems.count();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (!STATEMENT_KEYS.contains(field.getKey())) {
                problems.add(where, "unknown key " + Problems.quote(field.getKey()));
            }
        }
        Optional<String> sid = readSid(node.get("Sid"), where, problems);
        Optional<Effect> effect = readEffect(node.get("Effect"), where, problems);
        Optional<PatternList> actions = Patterns.readActions(node, where, problems);
        Optional<PatternList> resources = Optional.empty();
        Optional<PrincipalSpec> principals = Optional.empty();
        if (kind.namesPrincipals()) {
            for (String key : List.of("Resource", "NotResource")) {
                if (node.has(key)) {
                    problems.add(where, Problems.quote(key) + " is not allowed in a trust policy");
                }
            }
            principals = Principals.read(node.get("Principal"), where, problems);
        } else {
            if (node.has("Principal")) {
                problems.add(where, "`Principal` is only allowed in a trust policy");
            }
            resources = Patterns.readResources(node, where, problems);
        }
        Condition condition = Conditions.read(node.get("Condition"), where, problems);
        if (problems.count() > before || effect.isEmpty() || actions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Statement(index, sid, effect.get(), actions.get(), resources, principals, condition));
    }

    private static Optional<String> readSid(JsonNode node, String where, Problems problems) {
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            problems.add(where, "`Sid` must be a string, got " + JsonText.describe(node));
            return Optional.empty();
        }
        return Optional.of(node.textValue());
    }

    private static Optional<Effect> readEffect(JsonNode node, String where, Problems problems) {
        if (node == null) {
            problems.add(where, "`Effect` is required");
            return Optional.empty();
        }
        if (node.isTextual()) {
            switch (node.textValue()) {
                case "Allow" -> {
                    return Optional.of(Effect.Allow);
                }
                case "Deny" -> {
                    return Optional.of(Effect.Deny);
                }
                default -> {
                }
            }
        }
        problems.add(where, "`Effect` must be \"Allow\" or \"Deny\", got " + JsonText.show(node));
        return Optional.empty();
    }
}
