package dev.berth.server.registry.auth;

import dev.berth.iam.account.Account;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.secret.SealedSecret;
import dev.berth.iam.service.RegistryPasswords;
import dev.berth.iam.service.UserFields;
import dev.berth.iam.service.Users;
import dev.berth.iam.store.InMemoryIdentityStore;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The sign-in pieces over an in-memory identity store holding account {@code 1234567890123456}
 * (alias {@code juzhong}, registry password {@code root-pass-1}) and its user {@code alice}
 * (registry password {@code alice-pass-1}).
 */
final class AuthFixture {
    static final SecureRandom RANDOM = new SecureRandom();
    static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    static final AccountId ACCOUNT = new AccountId("1234567890123456");
    static final String ALIAS = "juzhong";
    static final String SERVICE = "registry.berth.test";
    static final String ISSUER = "berth-token-service";
    static final String ROOT_PASSWORD = "root-pass-1";
    static final String ALICE_PASSWORD = "alice-pass-1";
    static final String SESSION_POLICY = "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"cr:PullRepository\",\"Resource\":\"*\"}]}";

    final InMemoryIdentityStore store = new InMemoryIdentityStore();
    final PasswordThrottle throttle = new PasswordThrottle();
    final RegistryPasswords passwords = new RegistryPasswords(store, new PasswordHasher(RANDOM, 64, 1), throttle);
    final Users users = new Users(store, RANDOM);
    final SigningKey key = newKey();
    final TokenSettings settings = TokenSettings.standard(ISSUER, SERVICE);
    final RegistryTokens tokens = new RegistryTokens(key, settings);
    final RegistryIdentities identities = new RegistryIdentities(store, passwords);
    final RegistrySignIn signIn = new RegistrySignIn(passwords, tokens, identities);
    final TemporaryTokens temporaryTokens = new TemporaryTokens(identities, tokens);
    final RamUser alice;

    AuthFixture() {
        store.inTransaction(transaction -> {
            transaction.accounts().insert(new Account(ACCOUNT, Optional.of(ALIAS), NOW));
            return null;
        });
        alice = users.create(ACCOUNT, new UserName("alice"), UserFields.none(), NOW);
        passwords.set(ACCOUNT, Optional.empty(), ROOT_PASSWORD);
        passwords.set(ACCOUNT, Optional.of(alice.name()), ALICE_PASSWORD);
    }

    static SigningKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return SigningKey.of(generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new active long-term AccessKey of the account ({@code user} empty) or of a user. */
    AccessKeyId accessKey(Optional<String> user) {
        AccessKeyId id = AccessKeyId.newLongTerm(RANDOM);
        store.inTransaction(transaction -> {
            transaction.accessKeys().insert(new AccessKey(id, ACCOUNT, user, sealed(), AccessKeyStatus.Active, NOW));
            return null;
        });
        return id;
    }

    void deactivate(AccessKeyId id) {
        store.inTransaction(transaction -> transaction.accessKeys().updateStatus(id, AccessKeyStatus.Inactive));
    }

    Role role(String name) {
        Role role = new Role(ACCOUNT, String.valueOf(300_000_000_000_000_000L + RANDOM.nextInt(1_000_000)), name, "", "{}", 3600, NOW, NOW);
        store.inTransaction(transaction -> {
            transaction.roles().insert(role);
            return null;
        });
        return role;
    }

    void deleteRole(String name) {
        store.inTransaction(transaction -> transaction.roles().delete(ACCOUNT, name));
    }

    /** A session of {@code role} named {@code ci} with a session policy, ending after {@code lasting}. */
    RoleSession session(Role role, Duration lasting) {
        AccessKeyId id = AccessKeyId.newTemporary(RANDOM);
        RoleSession session = new RoleSession(id, ACCOUNT, role.name(), "ci", sealed(), "0".repeat(64), Optional.of(SESSION_POLICY),
                NOW, NOW.plus(lasting));
        store.inTransaction(transaction -> {
            transaction.roles().insertSession(session);
            return null;
        });
        return session;
    }

    private static SealedSecret sealed() {
        return new SealedSecret(new byte[12], new byte[16]);
    }
}
