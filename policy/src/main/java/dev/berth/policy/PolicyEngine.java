package dev.berth.policy;

import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.evaluation.AssumeRoleDecision;
import dev.berth.policy.evaluation.AttachedPolicy;
import dev.berth.policy.evaluation.Decision;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.evaluation.RoleAssumption;
import dev.berth.policy.json.PolicyDocumentReader;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.RoleArn;
import java.util.List;
import java.util.Optional;

/**
 * The face of the policy engine: parse and validate documents, compile the policies of a principal
 * once, evaluate requests many times, decide role assumptions. Pure: no clock, no I/O.
 */
public final class PolicyEngine {
    private PolicyEngine() {
    }

    /** Parses and validates a document; the only refusal is {@link MalformedPolicyDocumentException}. */
    public static PolicyDocument parse(String text, DocumentKind kind) throws MalformedPolicyDocumentException {
        return PolicyDocumentReader.read(text, kind);
    }

    public static PolicySet compile(List<AttachedPolicy> policies, Optional<PolicyDocument> sessionPolicy) {
        return PolicySet.compile(policies, sessionPolicy);
    }

    public static Decision evaluate(Request request, PolicySet policies) {
        return policies.evaluate(request);
    }

    public static AssumeRoleDecision assumeRole(Principal caller, PolicySet callerPolicies, RoleArn role,
                                                PolicyDocument trustPolicy, RequestContext context) {
        return RoleAssumption.decide(caller, callerPolicies, role, trustPolicy, context);
    }
}
