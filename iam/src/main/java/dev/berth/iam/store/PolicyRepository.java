package dev.berth.iam.store;

import dev.berth.iam.policy.CustomPolicy;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;

/** Custom policies and their versions; names compare case-insensitively. */
public interface PolicyRepository {
    /** {@link DuplicateEntityException} when the account has the name in any case. */
    void insert(CustomPolicy policy, PolicyVersion firstVersion);

    Optional<CustomPolicy> find(AccountId account, String name);

    List<CustomPolicy> list(AccountId account);

    int count(AccountId account);

    /** Stores the policy's new default version and version counter. */
    void update(CustomPolicy policy);

    void insertVersion(AccountId account, String policyName, PolicyVersion version);

    List<PolicyVersion> versions(AccountId account, String policyName);

    boolean deleteVersion(AccountId account, String policyName, String versionId);

    /** Deletes the policy and all its versions. */
    boolean delete(AccountId account, String policyName);
}
