package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.EffectivePolicy;
import dev.berth.iam.policy.PolicyType;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.GenerationCache;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.value.UserName;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.PolicyDocument;
import dev.berth.policy.evaluation.AttachedPolicy;
import dev.berth.policy.evaluation.PolicySet;
import dev.berth.policy.evaluation.Scope;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Attachments of policies to RAM users at account or resource-group scope, and the policies that
 * count for a principal, read as they stand at the moment of each request (policy.md section 4).
 */
public final class Attachments {
    public static final int SYSTEM_LIMIT = 20;
    public static final int CUSTOM_LIMIT = 10;

    private final IdentityStore store;
    private final StoredDocuments documents;

    /** Compiled policy sets kept at most; past it the cache starts over. */
    private static final int CACHE_CAPACITY = 10_000;

    /**
     * Compiled policies by principal, valid while the store's generation stands still (every change of
     * any identity moves it, on every node), so a detached policy counts on the very next request.
     */
    private final GenerationCache<CompiledKey, PolicySet> compiled = new GenerationCache<>(CACHE_CAPACITY);

    public Attachments(IdentityStore store, StoredDocuments documents) {
        this.store = Objects.requireNonNull(store, "store");
        this.documents = Objects.requireNonNull(documents, "documents");
    }

    public void attach(AccountId account, PolicyType type, String policyName, Attachment.PrincipalType principalType,
                       String principalName, Optional<ResourceGroupId> group, Instant now) {
        store.inTransaction(transaction -> {
            String stored = existingPrincipal(transaction, account, principalType, principalName);
            Policies.requireExists(transaction, account, type, policyName);
            group.ifPresent(id -> ResourceGroups.existing(transaction, account, id));
            List<Attachment> current = transaction.attachments().forPrincipal(account, principalType, stored);
            long sameType = current.stream().filter(attachment -> attachment.policyType() == type).count();
            int limit = type == PolicyType.System ? SYSTEM_LIMIT : CUSTOM_LIMIT;
            if (sameType >= limit) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, principalType.name() + ".Policy",
                        principalType.name().toLowerCase(Locale.ROOT) + " `" + stored + "` has " + limit + " " + type.name().toLowerCase(Locale.ROOT)
                                + " policies attached, the most it may");
            }
            try {
                transaction.attachments().insert(account, new Attachment(principalType, stored, type, policyName,
                        group.map(ResourceGroupId::value), now));
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, principalType.name() + ".Policy",
                        "policy `" + policyName + "` is attached to `" + stored + "` there already");
            }
            return null;
        });
    }

    public void detach(AccountId account, PolicyType type, String policyName, Attachment.PrincipalType principalType,
                       String principalName, Optional<ResourceGroupId> group) {
        store.inTransaction(transaction -> {
            String stored = existingPrincipal(transaction, account, principalType, principalName);
            boolean removed = transaction.attachments().delete(account, new Attachment(principalType, stored, type,
                    policyName, group.map(ResourceGroupId::value), Instant.EPOCH));
            if (!removed) {
                throw new IamException(IamException.Kind.NOT_FOUND, principalType.name() + ".Policy",
                        "policy `" + policyName + "` is not attached to `" + stored + "` there");
            }
            return null;
        });
    }

    public List<Attachment> of(AccountId account, Attachment.PrincipalType principalType, String principalName) {
        return store.inTransaction(transaction -> transaction.attachments().forPrincipal(account, principalType,
                existingPrincipal(transaction, account, principalType, principalName)));
    }

    private static String existingPrincipal(IdentityTransaction transaction, AccountId account, Attachment.PrincipalType type,
                                            String name) {
        return switch (type) {
            case User -> {
                try {
                    yield Users.existing(transaction, account, new UserName(name)).name().value();
                } catch (IllegalArgumentException e) {
                    throw new IamException(IamException.Kind.INVALID, "UserName", e.getMessage());
                }
            }
            case Role -> Roles.existing(transaction, account, name).name();
            case Group -> Groups.existing(transaction, account, name).name();
        };
    }

    /**
     * The compiled policies of {@code principal}: a user's attachments, or a role's narrowed by the
     * session policy its session was created with; none for other principals. Compiled once per store
     * generation, at the {@code generation} the caller read before anything else of the request (so
     * what it read may be newer, never older, than the generation says).
     */
    public PolicySet policiesOf(Principal principal, Optional<String> sessionPolicyText, long generation) {
        if (!(principal instanceof Principal.RamUser) && !(principal instanceof Principal.RoleSession)) {
            return PolicySet.none();
        }
        CompiledKey key = new CompiledKey(principal, sessionPolicyText);
        Optional<PolicySet> cached = compiled.get(key, generation);
        if (cached.isPresent()) {
            return cached.get();
        }
        PolicySet policies = load(principal, sessionPolicyText);
        compiled.put(key, generation, policies);
        return policies;
    }

    /** The principal whose policies were compiled, with the session policy that narrowed them. */
    private record CompiledKey(Principal principal, Optional<String> sessionPolicy) {
    }

    private PolicySet load(Principal principal, Optional<String> sessionPolicyText) {
        return switch (principal) {
            case Principal.RamUser user -> store.inTransaction(transaction ->
                    compile(transaction, user.account(), Attachment.PrincipalType.User, user.name(), Optional.empty()));
            case Principal.RoleSession session -> store.inTransaction(transaction -> compile(transaction, session.account(),
                    Attachment.PrincipalType.Role, session.role(), sessionPolicyText.map(text -> documents.parse(text, DocumentKind.SESSION))));
            case Principal.Account account -> PolicySet.none();
            case Principal.Service service -> PolicySet.none();
            case Principal.FederatedSession federated -> PolicySet.none();
        };
    }

    private PolicySet compile(IdentityTransaction transaction, AccountId account, Attachment.PrincipalType type, String name,
                              Optional<PolicyDocument> sessionPolicy) {
        List<AttachedPolicy> policies = new ArrayList<>();
        for (EffectivePolicy policy : transaction.attachments().effectiveFor(account, type, name)) {
            PolicyVersion version = switch (policy.type()) {
                case System -> Policies.defaultVersion(transaction, account, PolicyType.System, policy.name());
                case Custom -> policy.defaultVersion().orElseThrow(() ->
                        new IllegalStateException("an attached policy has no default version: " + policy.name()));
            };
            Scope scope = policy.resourceGroup().<Scope>map(group -> new Scope.ResourceGroup(new ResourceGroupId(group)))
                    .orElse(Scope.ACCOUNT);
            policies.add(new AttachedPolicy(policy.name(), version.versionId(), scope, documents.parse(version.document(), DocumentKind.IDENTITY)));
        }
        return PolicySet.compile(policies, sessionPolicy);
    }

}
