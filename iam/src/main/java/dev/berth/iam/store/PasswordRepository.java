package dev.berth.iam.store;

import dev.berth.policy.value.AccountId;
import java.util.Optional;

/** Password hashes of the account itself ({@code userName} empty) and of its RAM users (any case). */
public interface PasswordRepository {
    /** Sets or replaces the hash. */
    void set(AccountId account, Optional<String> userName, PasswordKind kind, String hash);

    Optional<String> find(AccountId account, Optional<String> userName, PasswordKind kind);

    boolean delete(AccountId account, Optional<String> userName, PasswordKind kind);
}
