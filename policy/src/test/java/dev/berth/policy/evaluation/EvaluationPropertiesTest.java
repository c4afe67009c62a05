package dev.berth.policy.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.principal.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of policy.md section 4 checked over generated policies and requests. */
class EvaluationPropertiesTest {
    private static final int ROUNDS = 3_000;
    private static final Principal ALICE = new Principal.RamUser(PolicyGenerator.ACCOUNT, "alice");
    private static final Principal SESSION = new Principal.RoleSession(PolicyGenerator.ACCOUNT, "pusher", "ci");

    @Test
    void addingAllowStatementsNeverOverridesAnAccountScopeDeny() {
        PolicyGenerator generator = new PolicyGenerator(1L);
        int denials = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<AttachedPolicy> policies = generator.policies(1 + generator.random().nextInt(5), Optional.empty());
            Request request = generator.request(ALICE);
            Decision before = PolicySet.compile(policies, Optional.empty()).evaluate(request);
            if (before.outcome() != Outcome.ExplicitDeny || !decidedAtAccountScope(before, policies)) {
                continue;
            }
            denials++;
            List<AttachedPolicy> widened = new ArrayList<>(policies);
            widened.addAll(generator.policies(1 + generator.random().nextInt(5), Optional.of("Allow")));
            Decision after = PolicySet.compile(widened, Optional.empty()).evaluate(request);
            assertThat(after.outcome()).as("policies %s, request %s", widened, request).isEqualTo(Outcome.ExplicitDeny);
        }
        assertThat(denials).as("rounds that produced an explicit deny").isGreaterThan(ROUNDS / 20);
    }

    @Test
    void aResourceGroupDenyIsNotOverriddenByAllowsOfItsGroup() {
        PolicyGenerator generator = new PolicyGenerator(2L);
        int denials = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<AttachedPolicy> policies = generator.policies(1 + generator.random().nextInt(5), Optional.empty());
            Request request = generator.request(ALICE);
            Decision before = PolicySet.compile(policies, Optional.empty()).evaluate(request);
            if (before.outcome() != Outcome.ExplicitDeny || request.resourceGroup().isEmpty()) {
                continue;
            }
            denials++;
            List<AttachedPolicy> widened = new ArrayList<>(policies);
            for (AttachedPolicy allow : generator.policies(3, Optional.of("Allow"))) {
                widened.add(new AttachedPolicy(allow.name(), allow.version(),
                        new Scope.ResourceGroup(request.resourceGroup().get()), allow.document()));
            }
            assertThat(PolicySet.compile(widened, Optional.empty()).evaluate(request).outcome())
                    .isEqualTo(Outcome.ExplicitDeny);
        }
        assertThat(denials).isGreaterThan(ROUNDS / 50);
    }

    @Test
    void aSessionPolicyNeverGrantsWhatTheRoleLacks() {
        PolicyGenerator generator = new PolicyGenerator(3L);
        int allowed = 0;
        for (int round = 0; round < ROUNDS; round++) {
            List<AttachedPolicy> rolePolicies = generator.policies(1 + generator.random().nextInt(4), Optional.empty());
            List<String> sessionStatements = generator.statements(1 + generator.random().nextInt(4), Optional.empty());
            PolicyDocument session = PolicyGenerator.document(sessionStatements, DocumentKind.SESSION);
            Request request = generator.request(SESSION);
            Decision narrowed = PolicySet.compile(rolePolicies, Optional.of(session)).evaluate(request);
            if (narrowed.outcome() != Outcome.Allow) {
                continue;
            }
            allowed++;
            assertThat(PolicySet.compile(rolePolicies, Optional.empty()).evaluate(request).outcome())
                    .as("the role alone allows what its session allows").isEqualTo(Outcome.Allow);
            assertThat(PolicySet.compile(List.of(new AttachedPolicy("session", "v1", Scope.ACCOUNT,
                    PolicyGenerator.document(sessionStatements, DocumentKind.IDENTITY))), Optional.empty())
                    .evaluate(request).outcome())
                    .as("the session policy alone allows it").isEqualTo(Outcome.Allow);
        }
        assertThat(allowed).isGreaterThan(ROUNDS / 50);
    }

    @Test
    void evaluationDoesNotDependOnTheOrderOfPoliciesOrStatements() {
        PolicyGenerator generator = new PolicyGenerator(4L);
        for (int round = 0; round < ROUNDS; round++) {
            List<AttachedPolicy> policies = generator.policies(1 + generator.random().nextInt(6), Optional.empty());
            Request request = generator.request(ALICE);
            Decision original = PolicySet.compile(policies, Optional.empty()).evaluate(request);
            List<AttachedPolicy> shuffled = new ArrayList<>();
            for (AttachedPolicy policy : policies) {
                List<String> statements = generator.texts(policy.document());
                Collections.shuffle(statements, generator.random());
                shuffled.add(new AttachedPolicy(policy.name(), policy.version(), policy.scope(),
                        PolicyGenerator.document(statements, DocumentKind.IDENTITY)));
            }
            Collections.shuffle(shuffled, generator.random());
            Decision reordered = PolicySet.compile(shuffled, Optional.empty()).evaluate(request);
            assertThat(reordered.outcome()).isEqualTo(original.outcome());
            assertThat(sids(reordered)).isEqualTo(sids(original));
        }
    }

    @Test
    void theIndexAnswersAsAScanOfEveryStatementWould() {
        PolicyGenerator generator = new PolicyGenerator(5L);
        for (int round = 0; round < 300; round++) {
            List<AttachedPolicy> policies = generator.policies(20 + generator.random().nextInt(60), Optional.empty());
            PolicySet indexed = PolicySet.compile(policies, Optional.empty());
            for (int r = 0; r < 20; r++) {
                Request request = generator.request(ALICE);
                Decision expected = ReferenceEvaluator.evaluate(policies, request);
                Decision actual = indexed.evaluate(request);
                assertThat(actual.outcome()).isEqualTo(expected.outcome());
                assertThat(new HashSet<>(actual.deciding())).isEqualTo(new HashSet<>(expected.deciding()));
            }
        }
    }

    private static boolean decidedAtAccountScope(Decision decision, List<AttachedPolicy> policies) {
        String policy = decision.deciding().getFirst().policy();
        return policies.stream().anyMatch(p -> p.name().equals(policy) && p.scope().equals(Scope.ACCOUNT));
    }

    private static Set<String> sids(Decision decision) {
        Set<String> sids = new HashSet<>();
        decision.deciding().forEach(statement -> sids.add(statement.policy() + "/" + statement.sid().orElseThrow()));
        return sids;
    }
}
