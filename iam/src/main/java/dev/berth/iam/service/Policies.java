package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.CustomPolicy;
import dev.berth.iam.policy.PolicyType;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.policy.PolicyView;
import dev.berth.iam.policy.SystemPolicies;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.policy.PolicyEngine;
import dev.berth.policy.document.DocumentKind;
import dev.berth.policy.document.MalformedPolicyDocumentException;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** System and custom policies and their versions (iam-api.md sections 1, 4 and 6). */
public final class Policies {
    public static final int LIMIT = 1500;
    private static final Instant SYSTEM_CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final IdentityStore store;

    public Policies(IdentityStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    public PolicyView create(AccountId account, String name, String document, String description, Instant now) {
        requireName(name);
        requireValid(document);
        requireDescription(description);
        CustomPolicy policy = new CustomPolicy(account, name, description, "v1", 2, now, now);
        return store.inTransaction(transaction -> {
            if (transaction.policies().count(account) >= LIMIT) {
                throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "Policy", "the account has " + LIMIT + " policies, the most it may");
            }
            if (SystemPolicies.named(name).isPresent()) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "Policy", "`" + name + "` is the name of a system policy");
            }
            try {
                transaction.policies().insert(policy, new PolicyVersion("v1", document, now));
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "Policy", "policy `" + name + "` exists");
            }
            return view(policy, document, 0);
        });
    }

    public PolicyView find(AccountId account, PolicyType type, String name) {
        return store.inTransaction(transaction -> view(transaction, account, type, name));
    }

    /** The system policies, then the account's custom ones, optionally of one type. */
    public List<PolicyView> list(AccountId account, Optional<PolicyType> type) {
        return store.inTransaction(transaction -> {
            List<PolicyView> views = new ArrayList<>();
            if (type.isEmpty() || type.get() == PolicyType.System) {
                SystemPolicies.all().forEach(policy -> views.add(view(transaction, account, PolicyType.System, policy.name())));
            }
            if (type.isEmpty() || type.get() == PolicyType.Custom) {
                transaction.policies().list(account).forEach(policy -> views.add(view(transaction, account, PolicyType.Custom, policy.name())));
            }
            return views;
        });
    }

    public PolicyView updateDescription(AccountId account, String name, String description, Instant now) {
        requireDescription(description);
        return store.inTransaction(transaction -> {
            CustomPolicy policy = custom(transaction, account, name);
            transaction.policies().update(new CustomPolicy(account, policy.name(), description, policy.defaultVersion(),
                    policy.nextVersion(), policy.createdAt(), now));
            return view(transaction, account, PolicyType.Custom, policy.name());
        });
    }

    /** The principals a policy is attached to, and at which scopes. */
    public List<Attachment> attachmentsOf(AccountId account, PolicyType type, String name) {
        return store.inTransaction(transaction -> {
            view(transaction, account, type, name);
            return transaction.attachments().forPolicy(account, type, name);
        });
    }

    /** Deletes a custom policy; with {@code cascading}, its attachments and versions go too. */
    public void delete(AccountId account, String name, boolean cascading) {
        store.inTransaction(transaction -> {
            CustomPolicy policy = custom(transaction, account, name);
            List<Attachment> attachments = transaction.attachments().forPolicy(account, PolicyType.Custom, policy.name());
            if (!cascading && !attachments.isEmpty()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "Policy.Attachment",
                        "policy `" + policy.name() + "` is attached to " + attachments.size() + " principals: detach it first");
            }
            if (!cascading && transaction.policies().versions(account, policy.name()).size() > 1) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "Policy.Version",
                        "policy `" + policy.name() + "` has versions besides the default: delete them first");
            }
            attachments.forEach(attachment -> transaction.attachments().delete(account, attachment));
            return transaction.policies().delete(account, policy.name());
        });
    }

    /** Adds a version; past 5, the oldest non-default one goes if {@code rotate}, else {@code LimitExceeded.Policy.Version}. */
    public PolicyVersion createVersion(AccountId account, String name, String document, boolean setAsDefault, boolean rotate,
                                       Instant now) {
        requireValid(document);
        return store.inTransaction(transaction -> {
            CustomPolicy policy = custom(transaction, account, name);
            List<PolicyVersion> versions = transaction.policies().versions(account, policy.name());
            if (versions.size() >= CustomPolicy.MAXIMUM_VERSIONS) {
                if (!rotate) {
                    throw new IamException(IamException.Kind.LIMIT_EXCEEDED, "Policy.Version",
                            "policy `" + policy.name() + "` has " + CustomPolicy.MAXIMUM_VERSIONS + " versions, the most it may");
                }
                PolicyVersion oldest = versions.stream().filter(version -> !version.versionId().equals(policy.defaultVersion()))
                        .findFirst().orElseThrow();
                transaction.policies().deleteVersion(account, policy.name(), oldest.versionId());
            }
            PolicyVersion version = new PolicyVersion("v" + policy.nextVersion(), document, now);
            transaction.policies().insertVersion(account, policy.name(), version);
            transaction.policies().update(new CustomPolicy(account, policy.name(), policy.description(),
                    setAsDefault ? version.versionId() : policy.defaultVersion(), policy.nextVersion() + 1, policy.createdAt(), now));
            return version;
        });
    }

    public List<PolicyVersion> versions(AccountId account, PolicyType type, String name) {
        return store.inTransaction(transaction -> {
            if (type == PolicyType.System) {
                SystemPolicies.SystemPolicy policy = system(name);
                return List.of(new PolicyVersion("v1", policy.document(), SYSTEM_CREATED));
            }
            return transaction.policies().versions(account, custom(transaction, account, name).name());
        });
    }

    public void setDefaultVersion(AccountId account, String name, String versionId, Instant now) {
        store.inTransaction(transaction -> {
            CustomPolicy policy = custom(transaction, account, name);
            version(transaction, account, policy, versionId);
            transaction.policies().update(new CustomPolicy(account, policy.name(), policy.description(), versionId,
                    policy.nextVersion(), policy.createdAt(), now));
            return null;
        });
    }

    public void deleteVersion(AccountId account, String name, String versionId) {
        store.inTransaction(transaction -> {
            CustomPolicy policy = custom(transaction, account, name);
            version(transaction, account, policy, versionId);
            if (policy.defaultVersion().equals(versionId)) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "Policy.DefaultVersion",
                        "`" + versionId + "` is the default version of `" + policy.name() + "`: set another default first");
            }
            return transaction.policies().deleteVersion(account, policy.name(), versionId);
        });
    }

    /** The version evaluated for a policy, as attachments name it. */
    static PolicyVersion defaultVersion(IdentityTransaction transaction, AccountId account, PolicyType type, String name) {
        return switch (type) {
            case System -> new PolicyVersion("v1", system(name).document(), SYSTEM_CREATED);
            case Custom -> {
                CustomPolicy policy = custom(transaction, account, name);
                yield version(transaction, account, policy, policy.defaultVersion());
            }
        };
    }

    static void requireExists(IdentityTransaction transaction, AccountId account, PolicyType type, String name) {
        defaultVersion(transaction, account, type, name);
    }

    private static PolicyView view(IdentityTransaction transaction, AccountId account, PolicyType type, String name) {
        int attachments = transaction.attachments().forPolicy(account, type, name).size();
        return switch (type) {
            case System -> {
                SystemPolicies.SystemPolicy policy = system(name);
                yield new PolicyView(PolicyType.System, policy.name(), policy.description(), "v1", policy.document(), SYSTEM_CREATED,
                        SYSTEM_CREATED, attachments, policy.highRisk());
            }
            case Custom -> {
                CustomPolicy policy = custom(transaction, account, name);
                yield view(policy, version(transaction, account, policy, policy.defaultVersion()).document(), attachments);
            }
        };
    }

    private static PolicyView view(CustomPolicy policy, String document, int attachments) {
        return new PolicyView(PolicyType.Custom, policy.name(), policy.description(), policy.defaultVersion(), document,
                policy.createdAt(), policy.updatedAt(), attachments, false);
    }

    private static SystemPolicies.SystemPolicy system(String name) {
        return SystemPolicies.named(name).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "Policy", "system policy `" + name + "` does not exist"));
    }

    private static CustomPolicy custom(IdentityTransaction transaction, AccountId account, String name) {
        return transaction.policies().find(account, name).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "Policy", "policy `" + name + "` does not exist"));
    }

    private static PolicyVersion version(IdentityTransaction transaction, AccountId account, CustomPolicy policy, String versionId) {
        return transaction.policies().versions(account, policy.name()).stream()
                .filter(version -> version.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> new IamException(IamException.Kind.NOT_FOUND, "Policy.Version",
                        "policy `" + policy.name() + "` has no version `" + versionId + "`"));
    }

    private static void requireName(String name) {
        if (!CustomPolicy.isName(name)) {
            throw new IamException(IamException.Kind.INVALID, "PolicyName", "`PolicyName` must be 1 to 128 of `A-Za-z0-9-`, got `"
                    + name + "`");
        }
    }

    private static void requireDescription(String description) {
        if (description.length() > 1024) {
            throw new IamException(IamException.Kind.INVALID, "Description", "`Description` must be at most 1024 characters");
        }
    }

    private static void requireValid(String document) {
        try {
            PolicyEngine.parse(document, DocumentKind.IDENTITY);
        } catch (MalformedPolicyDocumentException e) {
            throw new IamException(IamException.Kind.MALFORMED_POLICY_DOCUMENT, "PolicyDocument", e.getMessage());
        }
    }
}
