package dev.berth.iam.store;

import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.EffectivePolicy;
import dev.berth.iam.policy.PolicyType;
import dev.berth.policy.value.AccountId;
import java.util.List;

/** Attachments of policies to principals; principal and policy names compare case-insensitively. */
public interface AttachmentRepository {
    /** {@link DuplicateEntityException} when that policy is attached there already. */
    void insert(AccountId account, Attachment attachment);

    boolean delete(AccountId account, Attachment attachment);

    List<Attachment> forPrincipal(AccountId account, Attachment.PrincipalType type, String principalName);

    List<Attachment> forPolicy(AccountId account, PolicyType type, String policyName);

    /**
     * In one read, the policies attached to the principal (and, for a user, to each of its groups),
     * each with the default version of a custom policy: what evaluation needs on every request.
     */
    List<EffectivePolicy> effectiveFor(AccountId account, Attachment.PrincipalType type, String principalName);
}
