package dev.berth.iam.store;

import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;

public interface AccessKeyRepository {
    /** Adds a key; {@link DuplicateEntityException} when the id is taken. */
    void insert(AccessKey key);

    Optional<AccessKey> find(AccessKeyId id);

    /** The keys of the account itself ({@code userName} empty) or of one RAM user (any case), oldest first. */
    List<AccessKey> listOf(AccountId account, Optional<String> userName);

    boolean updateStatus(AccessKeyId id, AccessKeyStatus status);

    boolean delete(AccessKeyId id);
}
