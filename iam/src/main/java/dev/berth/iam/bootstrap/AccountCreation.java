package dev.berth.iam.bootstrap;

import dev.berth.iam.account.Account;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.PasswordKind;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.RandomText;
import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates an account with its root AccessKey, console password and registry password, in one
 * transaction (the first start of an empty server, and {@code berth account create}).
 */
public final class AccountCreation {
    public static final int SECRET_LENGTH = 30;
    private static final int PASSWORD_LENGTH = 24;

    private final IdentityStore store;
    private final SecretBox secrets;
    private final PasswordHasher passwords;
    private final SecureRandom random;

    public AccountCreation(IdentityStore store, SecretBox secrets, PasswordHasher passwords, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Creates the account, or returns empty when {@code onlyIfNoAccount} and one exists already. */
    public Optional<BootstrapCredentials> create(Optional<String> alias, Instant now, boolean onlyIfNoAccount) {
        alias.ifPresent(Account::requireAlias);
        AccountId id = Account.newId(random);
        AccessKeyId keyId = AccessKeyId.newLongTerm(random);
        String secret = RandomText.of(random, RandomText.LETTERS_AND_DIGITS, SECRET_LENGTH);
        String consolePassword = newPassword();
        String registryPassword = newPassword();
        String consoleHash = passwords.hash(consolePassword);
        String registryHash = passwords.hash(registryPassword);
        return store.inTransaction(transaction -> {
            if (onlyIfNoAccount && !transaction.accounts().list().isEmpty()) {
                return Optional.empty();
            }
            transaction.accounts().insert(new Account(id, alias, now));
            transaction.accessKeys().insert(new AccessKey(keyId, id, Optional.empty(),
                    secrets.seal(secret, keyId.value()), AccessKeyStatus.Active, now));
            transaction.passwords().set(id, Optional.empty(), PasswordKind.CONSOLE, consoleHash);
            transaction.passwords().set(id, Optional.empty(), PasswordKind.REGISTRY, registryHash);
            return Optional.of(new BootstrapCredentials(id, keyId, secret, consolePassword, registryPassword));
        });
    }

    private String newPassword() {
        return RandomText.of(random, RandomText.LETTERS_AND_DIGITS, PASSWORD_LENGTH - 2) + "-" + random.nextInt(10);
    }
}
