package dev.berth.policy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import java.util.Set;

/** {@code "kind": "validate"}: a document's raw text, valid or not (policy.md section 1). */
final class ValidateCase {
    private static final Set<String> EXPECTED = Set.of("valid", "code", "message");

    private ValidateCase() {
    }

    static Boolean run(JsonNode testCase, ObjectNode line) throws InvalidCaseException {
        String label = CaseFields.text(testCase, "documentKind");
        DocumentKind kind = DocumentKind.labelled(label).orElseThrow(() -> new InvalidCaseException(
                "`documentKind` must be `identity`, `trust` or `session`, got `" + label + "`"));
        JsonNode document = testCase.get("document");
        if (document == null || !(document.isTextual() || document.isObject())) {
            throw new InvalidCaseException("`document` must be the document's text, as a string");
        }
        String text = document.isTextual() ? document.textValue() : document.toString();
        try {
            PolicyEngine.parse(text, kind);
            line.put("valid", true).putNull("code").putNull("message");
        } catch (MalformedPolicyDocumentException e) {
            line.put("valid", false).put("code", MalformedPolicyDocumentException.CODE).put("message", e.getMessage());
        }
        return Expectation.check(testCase, line, EXPECTED);
    }
}
