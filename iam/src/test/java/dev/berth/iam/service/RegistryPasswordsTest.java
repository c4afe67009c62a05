package dev.berth.iam.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.iam.IamException;
import dev.berth.iam.account.Account;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.store.InMemoryIdentityStore;
import dev.berth.iam.value.UserName;
import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegistryPasswordsTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2025-06-01T10:00:00Z");
    private static final AccountId ACCOUNT = new AccountId("1234567890123456");
    private static final UserName ALICE = new UserName("alice");

    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final PasswordHasher hasher = new PasswordHasher(RANDOM, 64, 1);
    private final PasswordThrottle throttle = new PasswordThrottle();
    private final RegistryPasswords passwords = new RegistryPasswords(store, hasher, throttle);
    private final Users users = new Users(store, RANDOM);

    @BeforeEach
    void createAccountAndUser() {
        store.inTransaction(transaction -> {
            transaction.accounts().insert(new Account(ACCOUNT, Optional.of("juzhong"), NOW));
            return null;
        });
        users.create(ACCOUNT, ALICE, UserFields.none(), NOW);
    }

    @Test
    void theAccountsPasswordVerifiesAndAWrongOneDoesNot() {
        passwords.set(ACCOUNT, Optional.empty(), "registry-pass-1");

        Optional<RegistryPasswords.Match> right = passwords.verify(ACCOUNT, Optional.empty(), "registry-pass-1", NOW);
        Optional<RegistryPasswords.Match> wrong = passwords.verify(ACCOUNT, Optional.empty(), "registry-pass-2", NOW);

        assertThat(right).hasValueSatisfying(match -> {
            assertThat(match.account()).isEqualTo(ACCOUNT);
            assertThat(match.user()).isEmpty();
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aUsersPasswordIsItsOwnAndTheUserNameMatchesInAnyCase() {
        passwords.set(ACCOUNT, Optional.of(ALICE), "alice-pass-1");

        Optional<RegistryPasswords.Match> match = passwords.verify(ACCOUNT, Optional.of(new UserName("ALICE")), "alice-pass-1", NOW);

        assertThat(match).hasValueSatisfying(found -> assertThat(found.user().orElseThrow().name()).isEqualTo(ALICE));
        assertThat(passwords.verify(ACCOUNT, Optional.empty(), "alice-pass-1", NOW)).isEmpty();
    }

    @Test
    void anAccountIsNamedByItsIdOrByItsAliasInAnyCase() {
        passwords.set(ACCOUNT, Optional.of(ALICE), "alice-pass-1");

        assertThat(passwords.verify("1234567890123456", Optional.of(ALICE), "alice-pass-1", NOW)).isPresent();
        assertThat(passwords.verify("juzhong", Optional.of(ALICE), "alice-pass-1", NOW)).isPresent();
        assertThat(passwords.verify("JuZhong", Optional.of(ALICE), "alice-pass-1", NOW)).isPresent();
        assertThat(passwords.verify("other", Optional.of(ALICE), "alice-pass-1", NOW)).isEmpty();
        assertThat(passwords.verify("9999999999999999", Optional.of(ALICE), "alice-pass-1", NOW)).isEmpty();
    }

    @Test
    void theConsolePasswordIsNotTheRegistryPassword() {
        new LoginProfiles(store, hasher, new PasswordThrottle()).create(ACCOUNT, ALICE, "console-pass-1", false, false, NOW);

        assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), "console-pass-1", NOW)).isEmpty();
        assertThat(passwords.stamp(ACCOUNT, Optional.of(ALICE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"short1!", "abcdefghijklmnopqrstuvwxyz1234567", "onlyletters", "1234567890", "!@#$%^&*()", ""})
    void aWeakPasswordIsRefusedWithTheRule(String weak) {
        assertThatThrownBy(() -> passwords.set(ACCOUNT, Optional.of(ALICE), weak))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IamException.Kind.INVALID);
                    assertThat(e.getMessage()).isEqualTo(
                            "a password must be 8 to 32 characters with at least two of letters, digits and symbols");
                });
        assertThat(passwords.stamp(ACCOUNT, Optional.of(ALICE))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcd1234", "abcdefg!", "1234567!", "abcdefghijklmnopqrstuvwxyz12345!"})
    void aPasswordOfTwoKindsFrom8To32CharactersIsAccepted(String strong) {
        passwords.set(ACCOUNT, Optional.of(ALICE), strong);

        assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), strong, NOW)).isPresent();
    }

    @Test
    void theUserAndTheAccountMustExist() {
        assertThatThrownBy(() -> passwords.set(ACCOUNT, Optional.of(new UserName("bob")), "bob-pass-1"))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IamException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("user `bob` does not exist");
                });
        assertThatThrownBy(() -> passwords.set(new AccountId("9999999999999999"), Optional.empty(), "root-pass-1"))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.kind()).isEqualTo(IamException.Kind.NOT_FOUND));
    }

    @Test
    void aRoleSessionCannotHaveARegistryPassword() {
        assertThatThrownBy(() -> passwords.setOwn(new Principal.RoleSession(ACCOUNT, "builder", "ci"), "session-pass-1"))
                .isInstanceOfSatisfying(IamException.class, e -> {
                    assertThat(e.kind()).isEqualTo(IamException.Kind.NOT_PERMITTED);
                    assertThat(e.getMessage()).contains("role session cannot have a registry password");
                });
    }

    @Test
    void theAccountAndAUserSetTheirOwn() {
        passwords.setOwn(new Principal.Account(ACCOUNT), "root-pass-1");
        passwords.setOwn(new Principal.RamUser(ACCOUNT, "alice"), "alice-pass-1");

        assertThat(passwords.verify(ACCOUNT, Optional.empty(), "root-pass-1", NOW)).isPresent();
        assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), "alice-pass-1", NOW)).isPresent();
    }

    @Test
    void repeatedWrongPasswordsRefuseEvenTheRightOneUntilTheWindowPasses() {
        passwords.set(ACCOUNT, Optional.of(ALICE), "alice-pass-1");
        for (int i = 0; i < 5; i++) {
            assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), "wrong-pass-" + i, NOW.plusSeconds(i))).isEmpty();
        }

        assertThatThrownBy(() -> passwords.verify(ACCOUNT, Optional.of(ALICE), "alice-pass-1", NOW.plusSeconds(10)))
                .isInstanceOfSatisfying(IamException.class, e -> assertThat(e.kind()).isEqualTo(IamException.Kind.THROTTLED));
        assertThat(passwords.verify(ACCOUNT, Optional.empty(), "anything-1", NOW.plusSeconds(10))).isEmpty();
        assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), "alice-pass-1", NOW.plus(Duration.ofMinutes(16)))).isPresent();
    }

    @Test
    void aRightPasswordClearsEarlierFailures() {
        passwords.set(ACCOUNT, Optional.empty(), "root-pass-1");
        for (int i = 0; i < 4; i++) {
            passwords.verify(ACCOUNT, Optional.empty(), "wrong-pass-" + i, NOW);
        }
        assertThat(passwords.verify(ACCOUNT, Optional.empty(), "root-pass-1", NOW)).isPresent();
        for (int i = 0; i < 4; i++) {
            passwords.verify(ACCOUNT, Optional.empty(), "wrong-pass-" + i, NOW);
        }

        assertThat(passwords.verify(ACCOUNT, Optional.empty(), "root-pass-1", NOW)).isPresent();
    }

    @Test
    void attemptsForIdentitiesThatDoNotExistAreNotRemembered() {
        for (int i = 0; i < 10; i++) {
            assertThat(passwords.verify(ACCOUNT, Optional.of(new UserName("ghost")), "wrong-pass-" + i, NOW)).isEmpty();
        }

        assertThat(throttle.allows("registry " + ACCOUNT + "/ghost", NOW)).isTrue();
    }

    @Test
    void theStampChangesWithThePassword() {
        passwords.set(ACCOUNT, Optional.of(ALICE), "alice-pass-1");
        String first = passwords.stamp(ACCOUNT, Optional.of(ALICE)).orElseThrow();
        String matched = passwords.verify(ACCOUNT, Optional.of(ALICE), "alice-pass-1", NOW).orElseThrow().stamp();

        passwords.set(ACCOUNT, Optional.of(ALICE), "alice-pass-1");

        assertThat(matched).isEqualTo(first).hasSize(16);
        assertThat(passwords.stamp(ACCOUNT, Optional.of(ALICE))).isPresent().get().isNotEqualTo(first);
    }

    @Test
    void aDeletedUsersPasswordNoLongerVerifies() {
        passwords.set(ACCOUNT, Optional.of(ALICE), "alice-pass-1");
        users.delete(ACCOUNT, ALICE);

        assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), "alice-pass-1", NOW)).isEmpty();
        users.create(ACCOUNT, ALICE, UserFields.none(), NOW);
        assertThat(passwords.verify(ACCOUNT, Optional.of(ALICE), "alice-pass-1", NOW)).isEmpty();
    }
}
