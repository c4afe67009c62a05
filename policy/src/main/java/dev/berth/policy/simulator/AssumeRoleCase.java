package dev.berth.policy.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.evaluation.AssumeRoleDecision;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.value.RoleArn;
import java.util.Optional;
import java.util.Set;

/** {@code "kind": "assumeRole"}: both halves of policy.md section 5. */
final class AssumeRoleCase {
    private static final Set<String> EXPECTED = Set.of("decision", "callerPermission", "trust");

    private AssumeRoleCase() {
    }

    static Boolean run(JsonNode testCase, ObjectNode line) throws InvalidCaseException, MalformedPolicyDocumentException {
        JsonNode role = CaseFields.object(testCase, "role");
        String arn = CaseFields.text(role, "arn");
        RoleArn roleArn = RoleArn.parse(arn).orElseThrow(
                () -> new InvalidCaseException("`role.arn` must be `acs:ram::<uid>:role/<name>`, got `" + arn + "`"));
        PolicySet callerPolicies = PolicyEngine.compile(CaseFields.policies(testCase, "callerPolicies"), Optional.empty());
        AssumeRoleDecision decision = PolicyEngine.assumeRole(
                CaseFields.principal(testCase, "caller"),
                callerPolicies,
                roleArn,
                CaseFields.document(role, "trustPolicy", DocumentKind.TRUST, "trust policy"),
                CaseFields.context(testCase, "context"));
        line.put("decision", decision.decision().name());
        line.put("callerPermission", decision.callerPermission().map(d -> d.outcome().name()).orElse("NotRequired"));
        line.put("trust", decision.trust().outcome().name());
        return Expectation.check(testCase, line, EXPECTED);
    }
}
