package dev.berth.policy.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** How a JSON value is named in messages. */
final class JsonText {
    private JsonText() {
    }

    /** "a number", "an array", ... */
    static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> node.isEmpty() ? "an empty array" : "an array";
            case OBJECT -> node.isEmpty() ? "an empty object" : "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            case BINARY, MISSING, POJO -> "an unsupported value";
        };
    }

    /** The value in backticks when it is a scalar, else its description. */
    static String show(JsonNode node) {
        if (node.isTextual()) {
            return Problems.quote(node.textValue());
        }
        if (node.isNumber() || node.isBoolean()) {
            return Problems.quote(node.asText()) + " (" + describe(node) + ")";
        }
        return describe(node);
    }

    /** The text of a string, number or boolean; empty for anything else. */
    static Optional<String> scalarText(JsonNode node) {
        if (node.isTextual()) {
            return Optional.of(node.textValue());
        }
        if (node.isNumber()) {
            return Optional.of(node.isBigDecimal() ? node.decimalValue().toString() : node.asText());
        }
        if (node.isBoolean()) {
            return Optional.of(node.asText());
        }
        return Optional.empty();
    }
}
