package dev.berth.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.policy.PolicyEngine;
import dev.berth.policy.condition.RequestContext;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.RoleArn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the simulator's case format cannot express: federated callers, and the deciding statements of both halves. */
class RoleAssumptionTest {
    private static final AccountId ACCOUNT = new AccountId("1234567890123456");
    private static final RoleArn ROLE = new RoleArn(ACCOUNT, "sso-admin");
    private static final String PROVIDER = "acs:ram::1234567890123456:saml-provider/corp-idp";

    @Test
    void aSessionOfTheTrustedIdentityProviderMayAssumeTheRole() throws MalformedPolicyDocumentException {
        AssumeRoleDecision decision = PolicyEngine.assumeRole(new Principal.FederatedSession(PROVIDER),
                PolicySet.compile(List.of(assumeAnything()), Optional.empty()), ROLE, trust(PROVIDER), RequestContext.empty());
        assertThat(decision.decision()).isEqualTo(Outcome.Allow);
        assertThat(decision.trust().deciding()).containsExactly(
                new DecidingStatement(RoleAssumption.TRUST_POLICY_NAME, "v1", 0, Optional.of("idp")));
    }

    @Test
    void aSessionOfAnotherIdentityProviderMayNot() throws MalformedPolicyDocumentException {
        AssumeRoleDecision decision = PolicyEngine.assumeRole(
                new Principal.FederatedSession("acs:ram::1234567890123456:oidc-provider/other"),
                PolicySet.compile(List.of(assumeAnything()), Optional.empty()), ROLE, trust(PROVIDER), RequestContext.empty());
        assertThat(decision.decision()).isEqualTo(Outcome.ImplicitDeny);
        assertThat(decision.trust().outcome()).isEqualTo(Outcome.ImplicitDeny);
    }

    @Test
    void aServiceNeedsNoPermissionOfItsOwn() throws MalformedPolicyDocumentException {
        PolicyDocument trust = PolicyEngine.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Service\":\"CR.aliyuncs.com\"}}]}", DocumentKind.TRUST);
        AssumeRoleDecision decision = PolicyEngine.assumeRole(new Principal.Service("cr.aliyuncs.com"), PolicySet.none(), ROLE,
                trust, RequestContext.empty());
        assertThat(decision.callerPermission()).isEmpty();
        assertThat(decision.allowed()).isTrue();
    }

    @Test
    void theAccountItselfIsRefusedEvenByAStarTrust() throws MalformedPolicyDocumentException {
        PolicyDocument trust = PolicyEngine.parse("{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":\"*\"}]}", DocumentKind.TRUST);
        AssumeRoleDecision decision = PolicyEngine.assumeRole(new Principal.Account(ACCOUNT), PolicySet.none(), ROLE, trust,
                RequestContext.empty());
        assertThat(decision.decision()).isEqualTo(Outcome.ImplicitDeny);
        assertThat(decision.callerPermission()).contains(Decision.IMPLICIT_DENY);
        assertThat(decision.trust()).isEqualTo(Decision.IMPLICIT_DENY);
    }

    private static PolicyDocument trust(String provider) throws MalformedPolicyDocumentException {
        return PolicyEngine.parse("{\"Version\":\"1\",\"Statement\":[{\"Sid\":\"idp\",\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\","
                + "\"Principal\":{\"Federated\":\"" + provider + "\"}}]}", DocumentKind.TRUST);
    }

    private static AttachedPolicy assumeAnything() throws MalformedPolicyDocumentException {
        return new AttachedPolicy("assume", "v1", Scope.ACCOUNT, PolicyEngine.parse(
                "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}",
                DocumentKind.IDENTITY));
    }
}
