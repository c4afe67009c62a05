package dev.berth.policy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.evaluation.AttachedPolicy;
import dev.berth.policy.evaluation.Scope;
import dev.berth.policy.json.PolicyDocumentReader;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the parts of a case (policy.md section 6) into engine values. */
final class CaseFields {
    private CaseFields() {
    }

    static String text(JsonNode node, String field) throws InvalidCaseException {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new InvalidCaseException("`" + field + "` must be a non-empty string");
        }
        return value.textValue();
    }

    static Optional<String> optionalText(JsonNode node, String field) throws InvalidCaseException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return Optional.of(text(node, field));
    }

    static JsonNode object(JsonNode node, String field) throws InvalidCaseException {
        JsonNode value = node.get(field);
        if (value == null || !value.isObject()) {
            throw new InvalidCaseException("`" + field + "` must be an object");
        }
        return value;
    }

    static Principal principal(JsonNode node, String field) throws InvalidCaseException {
        JsonNode principal = object(node, field);
        String type = text(principal, "type");
        try {
            return switch (type) {
                case "Account" -> new Principal.Account(account(principal));
                case "RAMUser" -> new Principal.RamUser(account(principal), text(principal, "name"));
                case "AssumedRole" -> new Principal.RoleSession(account(principal), text(principal, "role"),
                        text(principal, "session"));
                case "Service" -> new Principal.Service(text(principal, "service"));
                default -> throw new InvalidCaseException("`" + field + ".type` must be `Account`, `RAMUser`, "
                        + "`AssumedRole` or `Service`, got `" + type + "`");
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseException("`" + field + "`: " + e.getMessage());
        }
    }

    private static AccountId account(JsonNode principal) throws InvalidCaseException {
        return new AccountId(text(principal, "account"));
    }

    /** The attached policies; a document that is not valid throws, naming the policy. */
    static List<AttachedPolicy> policies(JsonNode node, String field)
            throws InvalidCaseException, MalformedPolicyDocumentException {
        JsonNode list = node.get(field);
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new InvalidCaseException("`" + field + "` must be an array");
        }
        List<AttachedPolicy> policies = new ArrayList<>();
        for (JsonNode policy : list) {
            if (!policy.isObject()) {
                throw new InvalidCaseException("`" + field + "` must hold objects");
            }
            String name = text(policy, "name");
            String version = optionalText(policy, "version").orElse("v1");
            PolicyDocument document = document(policy, "document", DocumentKind.IDENTITY, "policy `" + name + "`");
            policies.add(new AttachedPolicy(name, version, scope(policy.get("scope")), document));
        }
        return policies;
    }

    private static Scope scope(JsonNode scope) throws InvalidCaseException {
        if (scope == null || scope.isNull() || (scope.isTextual() && scope.textValue().equals("Account"))) {
            return Scope.ACCOUNT;
        }
        JsonNode group = scope.isObject() && scope.size() == 1 ? scope.get("resourceGroup") : null;
        if (group == null || !group.isTextual() || group.textValue().isEmpty()) {
            throw new InvalidCaseException("`scope` must be \"Account\" or {\"resourceGroup\": \"rg-...\"}");
        }
        return new Scope.ResourceGroup(new ResourceGroupId(group.textValue()));
    }

    /** A document given as a JSON object, or as its text in a string. */
    static PolicyDocument document(JsonNode node, String field, DocumentKind kind, String label)
            throws InvalidCaseException, MalformedPolicyDocumentException {
        JsonNode document = node.get(field);
        if (document == null) {
            throw new InvalidCaseException("`" + field + "` is required");
        }
        try {
            return document.isTextual()
                    ? PolicyDocumentReader.read(document.textValue(), kind)
                    : PolicyDocumentReader.read(document, kind);
        } catch (MalformedPolicyDocumentException e) {
            throw new MalformedPolicyDocumentException(
                    e.problems().stream().map(problem -> label + ", " + problem).toList());
        }
    }

    /** Context values are strings or arrays of strings; a number or boolean is read as its text. */
    static RequestContext context(JsonNode node, String field) throws InvalidCaseException {
        JsonNode context = node.get(field);
        if (context == null || context.isNull()) {
            return RequestContext.empty();
        }
        if (!context.isObject()) {
            throw new InvalidCaseException("`" + field + "` must be an object");
        }
        RequestContext.Builder builder = RequestContext.builder();
        for (Map.Entry<String, JsonNode> entry : context.properties()) {
            List<String> values = new ArrayList<>();
            if (entry.getValue().isArray()) {
                for (JsonNode value : entry.getValue()) {
                    values.add(scalar(entry.getKey(), value));
                }
            } else {
                values.add(scalar(entry.getKey(), entry.getValue()));
            }
            builder.put(entry.getKey(), values);
        }
        return builder.build();
    }

    private static String scalar(String key, JsonNode value) throws InvalidCaseException {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        throw new InvalidCaseException("context key `" + key + "` must hold strings");
    }
}
