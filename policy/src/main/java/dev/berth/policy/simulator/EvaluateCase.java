package dev.berth.policy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.evaluation.DecidingStatement;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code "kind": "evaluate"}: one request against a principal's policies (policy.md section 4). */
final class EvaluateCase {
    private static final Set<String> EXPECTED = Set.of("decision", "deciding");

    private EvaluateCase() {
    }

    static Boolean run(JsonNode testCase, ObjectNode line) throws InvalidCaseException, MalformedPolicyDocumentException {
        Optional<PolicyDocument> sessionPolicy = testCase.path("sessionPolicy").isMissingNode()
                || testCase.get("sessionPolicy").isNull()
                ? Optional.empty()
                : Optional.of(CaseFields.document(testCase, "sessionPolicy", DocumentKind.SESSION, "session policy"));
        PolicySet policies = PolicyEngine.compile(CaseFields.policies(testCase, "policies"), sessionPolicy);
        JsonNode request = CaseFields.object(testCase, "request");
        Request evaluated;
        try {
            evaluated = new Request(
                    CaseFields.principal(testCase, "principal"),
                    ActionName.of(CaseFields.text(request, "action")),
                    ResourceArn.of(CaseFields.text(request, "resource")),
                    CaseFields.optionalText(request, "resourceGroup").map(ResourceGroupId::new),
                    CaseFields.context(request, "context"));
        } catch (IllegalArgumentException e) {
            throw new InvalidCaseException("`request`: " + e.getMessage());
        }
        Decision decision = PolicyEngine.evaluate(evaluated, policies);
        line.put("decision", decision.outcome().name());
        line.set("deciding", deciding(line, decision.deciding()));
        return Expectation.check(testCase, line, EXPECTED);
    }

    static ArrayNode deciding(ObjectNode line, List<DecidingStatement> statements) {
        ArrayNode array = line.arrayNode();
        for (DecidingStatement statement : statements) {
            ObjectNode item = array.addObject().put("policy", statement.policy()).put("statement", statement.statement());
            statement.sid().ifPresentOrElse(sid -> item.put("sid", sid), () -> item.putNull("sid"));
        }
        return array;
    }
}
