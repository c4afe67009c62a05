package dev.berth.policy.evaluation;

import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.document.Statement;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.ResourceGroupId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policies that count for one principal, compiled once and evaluated many times
 * (policy.md section 4): the session policy, the account-scope attachments, and the
 * resource-group-scope attachments by group. Immutable and safe to share between threads.
 */
public final class PolicySet {
    /** How the session policy is named among deciding statements. */
    public static final String SESSION_POLICY_NAME = "SessionPolicy";

    private static final PolicySet NONE = new PolicySet(null, StatementIndex.EMPTY, Map.of());

    private final StatementIndex session;
    private final StatementIndex account;
    private final Map<ResourceGroupId, StatementIndex> groups;

    private PolicySet(StatementIndex session, StatementIndex account, Map<ResourceGroupId, StatementIndex> groups) {
        this.session = session;
        this.account = account;
        this.groups = groups;
    }

    public static PolicySet none() {
        return NONE;
    }

    public static PolicySet compile(List<AttachedPolicy> policies, Optional<PolicyDocument> sessionPolicy) {
        List<CompiledStatement> accountStatements = new ArrayList<>();
        Map<ResourceGroupId, List<CompiledStatement>> groupStatements = new HashMap<>();
        for (AttachedPolicy policy : policies) {
            List<CompiledStatement> target = switch (policy.scope()) {
                case Scope.Account account -> accountStatements;
                case Scope.ResourceGroup group -> groupStatements.computeIfAbsent(group.group(), g -> new ArrayList<>());
            };
            for (Statement statement : policy.document().statements()) {
                target.add(new CompiledStatement(policy.name(), policy.version(), statement));
            }
        }
        StatementIndex session = sessionPolicy.map(document -> StatementIndex.of(document.statements().stream()
                .map(statement -> new CompiledStatement(SESSION_POLICY_NAME, "v1", statement))
                .toList())).orElse(null);
        Map<ResourceGroupId, StatementIndex> groups = new HashMap<>();
        groupStatements.forEach((group, statements) -> groups.put(group, StatementIndex.of(statements)));
        return new PolicySet(session, StatementIndex.of(accountStatements), Map.copyOf(groups));
    }

    /** Decides {@code request} against these policies, as policy.md section 4 orders the steps. */
    public Decision evaluate(Request request) {
        if (request.principal() instanceof Principal.Account root) {
            return AccountRoot.decide(root, request);
        }
        List<DecidingStatement> sessionAllows = List.of();
        if (session != null) {
            Matches matches = new Matches();
            session.collect(request, matches);
            if (matches.hasDenies()) {
                return new Decision(Outcome.ExplicitDeny, matches.denies());
            }
            if (!matches.hasAllows()) {
                return Decision.IMPLICIT_DENY;
            }
            sessionAllows = matches.allows();
        }
        Optional<Decision> decided = decideTier(account, request, sessionAllows);
        if (decided.isPresent()) {
            return decided.get();
        }
        if (request.resourceGroup().isPresent()) {
            StatementIndex group = groups.get(request.resourceGroup().get());
            if (group != null) {
                decided = decideTier(group, request, sessionAllows);
                if (decided.isPresent()) {
                    return decided.get();
                }
            }
        }
        return Decision.IMPLICIT_DENY;
    }

    private static Optional<Decision> decideTier(StatementIndex tier, Request request,
                                                 List<DecidingStatement> sessionAllows) {
        Matches matches = new Matches();
        tier.collect(request, matches);
        if (matches.hasDenies()) {
            return Optional.of(new Decision(Outcome.ExplicitDeny, matches.denies()));
        }
        if (!matches.hasAllows()) {
            return Optional.empty();
        }
        if (sessionAllows.isEmpty()) {
            return Optional.of(new Decision(Outcome.Allow, matches.allows()));
        }
        List<DecidingStatement> deciding = new ArrayList<>(sessionAllows);
        deciding.addAll(matches.allows());
        return Optional.of(new Decision(Outcome.Allow, deciding));
    }
}
