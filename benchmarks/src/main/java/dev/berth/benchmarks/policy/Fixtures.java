package dev.berth.benchmarks.policy;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.evaluation.AttachedPolicy;
import dev.berth.policy.evaluation.Request;
import dev.berth.policy.evaluation.Scope;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ActionName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import java.util.List;
import java.util.Optional;

/** Documents and requests shared by the policy benchmarks. */
final class Fixtures {
    static final AccountId ACCOUNT = new AccountId("1234567890123456");
    static final Principal ALICE = new Principal.RamUser(ACCOUNT, "alice");
    static final ActionName PULL = ActionName.of("cr:PullRepository");
    static final ActionName PUSH = ActionName.of("cr:PushRepository");
    static final ActionName LIST_TAGS = ActionName.of("cr:ListRepositoryTag");

    private Fixtures() {
    }

    static PolicyDocument parse(String text) {
        try {
            return PolicyEngine.parse(text, DocumentKind.IDENTITY);
        } catch (MalformedPolicyDocumentException e) {
            throw new IllegalStateException("benchmark document is invalid: " + e.getMessage(), e);
        }
    }

    static AttachedPolicy attach(String name, String statements) {
        return new AttachedPolicy(name, "v1", Scope.ACCOUNT, parse("{\"Version\":\"1\",\"Statement\":[" + statements + "]}"));
    }

    static String statement(String effect, String actions, String resources, String condition) {
        return "{\"Effect\":\"" + effect + "\",\"Action\":" + actions + ",\"Resource\":" + resources
                + (condition.isEmpty() ? "" : ",\"Condition\":" + condition) + "}";
    }

    static String repository(String namespace, String repository) {
        return "acs:cr:cn-hangzhou:" + ACCOUNT + ":repository/" + namespace + "/" + repository;
    }

    static Request request(ActionName action, String resource, RequestContext context) {
        return new Request(ALICE, action, ResourceArn.of(resource), Optional.of(new ResourceGroupId("rg-default")), context);
    }

    static List<String> quoted(List<String> values) {
        return values.stream().map(value -> "\"" + value + "\"").toList();
    }
}
