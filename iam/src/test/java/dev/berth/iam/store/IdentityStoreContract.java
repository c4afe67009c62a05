package dev.berth.iam.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.iam.account.Account;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.secret.SealedSecret;
import dev.berth.iam.group.RamGroup;
import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.CustomPolicy;
import dev.berth.iam.policy.EffectivePolicy;
import dev.berth.iam.policy.PolicyType;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.resourcegroup.ResourceGroup;
import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.user.LoginProfile;
import dev.berth.iam.user.RamUser;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance suite every {@link IdentityStore} runs (STYLE.md: one suite per interface). Each
 * test removes what it made; a test that leaves an account behind fails.
 */
public abstract class IdentityStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Instant NOW = Instant.parse("2026-11-23T10:15:30.123456Z").truncatedTo(ChronoUnit.MILLIS);

    private final List<AccountId> created = new ArrayList<>();
    private int accountsBefore;

    protected abstract IdentityStore store();

    @BeforeEach
    void countAccounts() {
        accountsBefore = accounts().size();
    }

    @AfterEach
    void leaveNothingBehind() {
        for (AccountId account : created) {
            store().inTransaction(transaction -> {
                for (PasswordKind kind : PasswordKind.values()) {
                    transaction.passwords().delete(account, Optional.empty(), kind);
                    transaction.passwords().delete(account, Optional.of("alice"), kind);
                }
                transaction.accessKeys().listOf(account, Optional.empty()).forEach(key -> transaction.accessKeys().delete(key.id()));
                transaction.accessKeys().listOf(account, Optional.of("alice")).forEach(key -> transaction.accessKeys().delete(key.id()));
                transaction.groups().list(account).forEach(group -> {
                    transaction.groups().members(account, group.name())
                            .forEach(member -> transaction.groups().removeMember(account, group.name(), member));
                    transaction.groups().delete(account, group.name());
                });
                for (String name : List.of("alice", "alicia")) {
                    transaction.accessKeys().listOf(account, Optional.of(name)).forEach(key -> transaction.accessKeys().delete(key.id()));
                    transaction.attachments().forPrincipal(account, Attachment.PrincipalType.User, name)
                            .forEach(attachment -> transaction.attachments().delete(account, attachment));
                }
                transaction.users().list(account, Optional.empty(), 1000)
                        .forEach(user -> transaction.users().delete(account, user.name()));
                transaction.attachments().forPrincipal(account, Attachment.PrincipalType.User, "alice")
                        .forEach(attachment -> transaction.attachments().delete(account, attachment));
                transaction.policies().list(account).forEach(policy -> transaction.policies().delete(account, policy.name()));
                transaction.roles().list(account).forEach(role -> transaction.roles().delete(account, role.name()));
                transaction.resourceGroups().list(account).forEach(group -> transaction.resourceGroups().delete(account, group.id()));
                return transaction.accounts().delete(account);
            });
        }
        assertThat(accounts()).as("accounts left behind").hasSize(accountsBefore);
    }

    @Test
    void theGenerationMovesOnWithEveryCommittedChange() {
        long before = store().generation();
        Account account = newAccount(Optional.empty());
        long afterInsert = store().generation();
        assertThat(afterInsert).isGreaterThan(before);
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.accounts().updateAlias(account.id(), Optional.of("rolled-back-" + RANDOM.nextInt(1_000_000)));
            throw new IllegalStateException("midway");
        })).hasMessage("midway");
        store().inTransaction(transaction -> transaction.accounts().updateAlias(account.id(), Optional.of("moved-" + RANDOM.nextInt(1_000_000))));
        assertThat(store().generation()).isGreaterThan(afterInsert);
        long beforeRead = store().generation();
        store().inTransaction(transaction -> transaction.accounts().find(account.id()));
        assertThat(store().generation()).as("a transaction that only read").isEqualTo(beforeRead);
    }

    @Test
    void aNewRoleSessionLeavesTheGenerationAndEndingItMovesIt() {
        Account account = newAccount(Optional.empty());
        store().inTransaction(transaction -> {
            transaction.roles().insert(new Role(account.id(), "3" + account.id().value().substring(1), "Deployer", "", "{}", 3600, NOW,
                    NOW));
            return null;
        });
        RoleSession session = new RoleSession(AccessKeyId.newTemporary(RANDOM), account.id(), "Deployer", "ci-7",
                new SealedSecret(new byte[] {1}, new byte[] {2}), "hash", Optional.empty(), NOW, NOW.plusSeconds(3600));
        long beforeSession = store().generation();
        store().inTransaction(transaction -> {
            transaction.roles().insertSession(session);
            return null;
        });
        assertThat(store().generation()).as("after a new session").isEqualTo(beforeSession);
        Optional<RoleSession> found = store().inTransaction(transaction -> transaction.roles().findSession(session.accessKeyId()));
        assertThat(found).contains(session);
        store().inTransaction(transaction -> {
            transaction.roles().endSessions(account.id(), "deployer");
            return null;
        });
        assertThat(store().generation()).as("after ending the session").isGreaterThan(beforeSession);
    }

    @Test
    void anInsertedAccountIsFoundWithItsAlias() {
        Account account = newAccount(Optional.of("acme-" + RANDOM.nextInt(1_000_000)));
        assertThat(account(account.id())).contains(account);
        assertThat(accounts()).contains(account);
    }

    @Test
    void anAccountIdOrAliasIsTakenOnce() {
        Account account = newAccount(Optional.of("taken-" + RANDOM.nextInt(1_000_000)));
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.accounts().insert(new Account(account.id(), Optional.empty(), NOW));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        AccountId other = Account.newId(RANDOM);
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.accounts().insert(new Account(other, account.alias(), NOW));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        assertThat(account(other)).isEmpty();
    }

    @Test
    void anAliasIsSetClearedAndTakenOnce() {
        Account first = newAccount(Optional.empty());
        Account second = newAccount(Optional.empty());
        String alias = "alias-" + RANDOM.nextInt(1_000_000);
        assertThat(changed(transaction -> transaction.accounts().updateAlias(first.id(), Optional.of(alias)))).isTrue();
        assertThat(account(first.id())).map(Account::alias).contains(Optional.of(alias));
        assertThatThrownBy(() -> store().inTransaction(transaction -> transaction.accounts().updateAlias(second.id(), Optional.of(alias))))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(changed(transaction -> transaction.accounts().updateAlias(first.id(), Optional.empty()))).isTrue();
        assertThat(account(first.id())).map(Account::alias).contains(Optional.empty());
    }

    @Test
    void aUserHasOneLoginProfileFoundInAnyCase() {
        Account account = newAccount(Optional.empty());
        store().inTransaction(transaction -> {
            transaction.users().insert(user(account.id(), "alice"));
            transaction.loginProfiles().insert(new LoginProfile(account.id(), "alice", true, false, NOW));
            return null;
        });
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.loginProfiles().insert(new LoginProfile(account.id(), "ALICE", false, false, NOW));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        store().inTransaction(transaction -> {
            transaction.loginProfiles().update(new LoginProfile(account.id(), "alice", false, true, NOW));
            return null;
        });
        Optional<LoginProfile> found = store().inTransaction(transaction -> transaction.loginProfiles().find(account.id(), "Alice"));
        assertThat(found).map(LoginProfile::mfaBindRequired).contains(true);
        assertThat(found).map(LoginProfile::passwordResetRequired).contains(false);
        assertThat(changed(transaction -> transaction.loginProfiles().delete(account.id(), "alice"))).isTrue();
    }

    @Test
    void aFailedTransactionLeavesNothingBehind() {
        AccountId id = Account.newId(RANDOM);
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.accounts().insert(new Account(id, Optional.empty(), NOW));
            transaction.passwords().set(id, Optional.empty(), PasswordKind.CONSOLE, "hash");
            throw new IllegalStateException("midway");
        })).hasMessage("midway");
        assertThat(account(id)).isEmpty();
        assertThat(password(id, Optional.empty(), PasswordKind.CONSOLE))
                .isEmpty();
    }

    @Test
    void anAccessKeyKeepsItsSealedSecretOwnerAndStatus() {
        Account account = newAccount(Optional.empty());
        AccessKey root = newKey(account.id(), Optional.empty());
        AccessKey alice = newKey(account.id(), Optional.of("Alice"));
        assertThat(key(root.id())).contains(root);
        assertThat(keys(account.id(), Optional.empty()))
                .containsExactly(root);
        assertThat(keys(account.id(), Optional.of("alice")))
                .containsExactly(alice);
        assertThat(changed(transaction -> transaction.accessKeys().updateStatus(alice.id(), AccessKeyStatus.Inactive)))
                .isTrue();
        assertThat(key(alice.id()))
                .contains(alice.withStatus(AccessKeyStatus.Inactive));
    }

    @Test
    void aMissingKeyIsNeitherFoundNorChanged() {
        AccessKeyId missing = AccessKeyId.newLongTerm(RANDOM);
        assertThat(key(missing)).isEmpty();
        assertThat(changed(transaction -> transaction.accessKeys().updateStatus(missing, AccessKeyStatus.Active)))
                .isFalse();
        assertThat(changed(transaction -> transaction.accessKeys().delete(missing))).isFalse();
    }

    @Test
    void passwordsAreSetReplacedAndDeletedPerKind() {
        Account account = newAccount(Optional.empty());
        store().inTransaction(transaction -> {
            transaction.passwords().set(account.id(), Optional.empty(), PasswordKind.CONSOLE, "first");
            transaction.passwords().set(account.id(), Optional.empty(), PasswordKind.CONSOLE, "second");
            transaction.passwords().set(account.id(), Optional.of("Alice"), PasswordKind.REGISTRY, "alice-registry");
            return null;
        });
        assertThat(password(account.id(), Optional.empty(), PasswordKind.CONSOLE))
                .contains("second");
        assertThat(password(account.id(), Optional.empty(), PasswordKind.REGISTRY))
                .isEmpty();
        assertThat(password(account.id(), Optional.of("ALICE"), PasswordKind.REGISTRY))
                .contains("alice-registry");
        assertThat(changed(transaction -> transaction.passwords().delete(account.id(), Optional.empty(), PasswordKind.CONSOLE)))
                .isTrue();
        assertThat(password(account.id(), Optional.empty(), PasswordKind.CONSOLE))
                .isEmpty();
    }

    @Test
    void usersAreUniqueCaseInsensitivelyAndListedByNameInPages() {
        Account account = newAccount(Optional.empty());
        for (String name : List.of("carol", "Alice", "bob")) {
            store().inTransaction(transaction -> {
                transaction.users().insert(user(account.id(), name));
                return null;
            });
        }
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.users().insert(user(account.id(), "ALICE"));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        assertThat(findUser(account.id(), new UserName("alice")))
                .map(user -> user.name().value()).contains("Alice");
        assertThat(listUsers(account.id(), Optional.empty(), 2))
                .extracting(user -> user.name().value()).containsExactly("Alice", "bob");
        assertThat(listUsers(account.id(), Optional.of("bob"), 2))
                .extracting(user -> user.name().value()).containsExactly("carol");
        assertThat(countUsers(account.id())).isEqualTo(3);
    }

    @Test
    void aUserIsUpdatedAndRenamedButNotOntoAnotherName() {
        Account account = newAccount(Optional.empty());
        store().inTransaction(transaction -> {
            transaction.users().insert(user(account.id(), "alice"));
            transaction.users().insert(user(account.id(), "bob"));
            return null;
        });
        RamUser alice = findUser(account.id(), new UserName("alice")).orElseThrow();
        RamUser renamed = new RamUser(account.id(), alice.id(), new UserName("alicia"), "Alicia", "a@example.com", "", "",
                alice.createdAt(), NOW.plusSeconds(5));
        assertThat(changed(transaction -> transaction.users().update(new UserName("ALICE"), renamed))).isTrue();
        assertThat(findUser(account.id(), new UserName("alicia")))
                .contains(renamed);
        RamUser clash = new RamUser(account.id(), renamed.id(), new UserName("Bob"), "", "", "", "", NOW, NOW);
        assertThatThrownBy(() -> store().inTransaction(transaction -> transaction.users().update(new UserName("alicia"), clash)))
                .isInstanceOf(DuplicateEntityException.class);
        assertThat(changed(transaction -> transaction.users().delete(account.id(), new UserName("nobody")))).isFalse();
    }

    @Test
    void aPolicyKeepsItsVersionsAndIsAttachedOncePerScope() {
        Account account = newAccount(Optional.empty());
        CustomPolicy policy = new CustomPolicy(account.id(), "Ns-Read", "reads", "v1", 2, NOW, NOW);
        store().inTransaction(transaction -> {
            transaction.policies().insert(policy, new PolicyVersion("v1", "{\"Version\":\"1\"}", NOW));
            transaction.policies().insertVersion(account.id(), "ns-read", new PolicyVersion("v2", "{}", NOW.plusSeconds(1)));
            transaction.policies().update(new CustomPolicy(account.id(), "Ns-Read", "reads", "v2", 3, NOW, NOW.plusSeconds(1)));
            return null;
        });
        Optional<CustomPolicy> found = store().inTransaction(transaction -> transaction.policies().find(account.id(), "NS-READ"));
        assertThat(found).map(CustomPolicy::defaultVersion).contains("v2");
        List<PolicyVersion> versions = store().inTransaction(transaction -> transaction.policies().versions(account.id(), "ns-read"));
        assertThat(versions).extracting(PolicyVersion::versionId).containsExactly("v1", "v2");
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.policies().insert(new CustomPolicy(account.id(), "ns-read", "", "v1", 2, NOW, NOW),
                    new PolicyVersion("v1", "{}", NOW));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);

        Attachment direct = new Attachment(Attachment.PrincipalType.User, "Alice", PolicyType.Custom, "Ns-Read", Optional.empty(), NOW);
        Attachment scoped = new Attachment(Attachment.PrincipalType.User, "alice", PolicyType.Custom, "ns-read",
                Optional.of("rg-team-a"), NOW);
        store().inTransaction(transaction -> {
            transaction.attachments().insert(account.id(), direct);
            transaction.attachments().insert(account.id(), scoped);
            return null;
        });
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.attachments().insert(account.id(), direct);
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        List<Attachment> ofAlice = store().inTransaction(transaction -> transaction.attachments().forPrincipal(account.id(),
                Attachment.PrincipalType.User, "ALICE"));
        assertThat(ofAlice).extracting(Attachment::resourceGroup).containsExactlyInAnyOrder(Optional.empty(), Optional.of("rg-team-a"));
        List<Attachment> ofPolicy = store().inTransaction(transaction -> transaction.attachments().forPolicy(account.id(),
                PolicyType.Custom, "ns-read"));
        assertThat(ofPolicy).hasSize(2);
        assertThat(changed(transaction -> transaction.attachments().delete(account.id(), direct))).isTrue();
        assertThat(changed(transaction -> transaction.policies().deleteVersion(account.id(), "ns-read", "v1"))).isTrue();
    }

    @Test
    void aRoleIsFoundByNameInAnyCaseAndItsSessionByKeyId() {
        Account account = newAccount(Optional.empty());
        Role role = new Role(account.id(), "3" + account.id().value().substring(1), "Bucket-Admin", "", "{\"Version\":\"1\"}", 3600,
                NOW, NOW);
        store().inTransaction(transaction -> {
            transaction.roles().insert(role);
            return null;
        });
        Optional<Role> found = store().inTransaction(transaction -> transaction.roles().find(account.id(), "bucket-admin"));
        assertThat(found).contains(role);
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.roles().insert(new Role(account.id(), "4" + account.id().value().substring(1), "BUCKET-ADMIN", "", "{}", 3600,
                    NOW, NOW));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        Role updated = new Role(account.id(), role.id(), role.name(), "changed", "{}", 7200, NOW, NOW.plusSeconds(1));
        store().inTransaction(transaction -> {
            transaction.roles().update(updated);
            return null;
        });
        Optional<Role> afterUpdate = store().inTransaction(transaction -> transaction.roles().find(account.id(), "Bucket-Admin"));
        assertThat(afterUpdate).contains(updated);
        RoleSession session = new RoleSession(AccessKeyId.newTemporary(RANDOM), account.id(), "Bucket-Admin", "ci-42",
                new SealedSecret(new byte[] {1}, new byte[] {2}), "hash", Optional.of("{}"), NOW, NOW.plusSeconds(3600));
        store().inTransaction(transaction -> {
            transaction.roles().insertSession(session);
            return null;
        });
        Optional<RoleSession> foundSession = store().inTransaction(transaction -> transaction.roles().findSession(session.accessKeyId()));
        assertThat(foundSession).contains(session);
        store().inTransaction(transaction -> {
            transaction.roles().endSessions(account.id(), "bucket-ADMIN");
            return null;
        });
        Optional<RoleSession> afterEnd = store().inTransaction(transaction -> transaction.roles().findSession(session.accessKeyId()));
        assertThat(afterEnd).isEmpty();
        store().inTransaction(transaction -> {
            transaction.roles().insertSession(session);
            return null;
        });
    }

    @Test
    void groupsHoldMembersAndARenamedUserKeepsItsKeysAttachmentsAndGroups() {
        Account account = newAccount(Optional.empty());
        RamGroup group = new RamGroup(account.id(), "5" + account.id().value().substring(1), "Devs", "", NOW, NOW);
        AccessKey key = new AccessKey(AccessKeyId.newLongTerm(RANDOM), account.id(), Optional.of("alice"),
                new SealedSecret(new byte[] {1}, new byte[] {2}), AccessKeyStatus.Active, NOW);
        store().inTransaction(transaction -> {
            transaction.users().insert(user(account.id(), "alice"));
            transaction.groups().insert(group);
            transaction.groups().addMember(account.id(), "devs", "Alice", NOW);
            transaction.accessKeys().insert(key);
            transaction.attachments().insert(account.id(), new Attachment(Attachment.PrincipalType.User, "alice", PolicyType.System,
                    "AdministratorAccess", Optional.empty(), NOW));
            return null;
        });
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.groups().addMember(account.id(), "DEVS", "alice", NOW);
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        RamUser alice = findUser(account.id(), new UserName("alice")).orElseThrow();
        store().inTransaction(transaction -> transaction.users().update(new UserName("alice"), new RamUser(account.id(), alice.id(),
                new UserName("alicia"), "", "", "", "", alice.createdAt(), NOW)));
        List<String> members = store().inTransaction(transaction -> transaction.groups().members(account.id(), "Devs"));
        assertThat(members).containsExactly("alicia");
        List<RamGroup> groupsOf = store().inTransaction(transaction -> transaction.groups().groupsOf(account.id(), "ALICIA"));
        assertThat(groupsOf).extracting(RamGroup::name).containsExactly("Devs");
        assertThat(keys(account.id(), Optional.of("alicia"))).extracting(AccessKey::id).containsExactly(key.id());
        List<Attachment> attached = store().inTransaction(transaction -> transaction.attachments().forPrincipal(account.id(),
                Attachment.PrincipalType.User, "alicia"));
        assertThat(attached).hasSize(1);
        assertThat(changed(transaction -> transaction.groups().removeMember(account.id(), "devs", "alicia"))).isTrue();
    }

    @Test
    void theEffectivePoliciesOfAUserIncludeItsGroupsAndTheDefaultVersions() {
        Account account = newAccount(Optional.empty());
        store().inTransaction(transaction -> {
            transaction.users().insert(user(account.id(), "alice"));
            transaction.groups().insert(new RamGroup(account.id(), "6" + account.id().value().substring(1), "ops", "", NOW, NOW));
            transaction.groups().addMember(account.id(), "ops", "alice", NOW);
            transaction.policies().insert(new CustomPolicy(account.id(), "mine", "", "v2", 3, NOW, NOW), new PolicyVersion("v1", "one", NOW));
            transaction.policies().insertVersion(account.id(), "mine", new PolicyVersion("v2", "two", NOW));
            transaction.attachments().insert(account.id(), new Attachment(Attachment.PrincipalType.User, "alice", PolicyType.Custom,
                    "mine", Optional.of("rg-x"), NOW));
            transaction.attachments().insert(account.id(), new Attachment(Attachment.PrincipalType.Group, "ops", PolicyType.System,
                    "AdministratorAccess", Optional.empty(), NOW.plusSeconds(1)));
            return null;
        });
        List<EffectivePolicy> effective = store().inTransaction(transaction -> transaction.attachments().effectiveFor(account.id(),
                Attachment.PrincipalType.User, "ALICE"));
        assertThat(effective).extracting(EffectivePolicy::name).containsExactlyInAnyOrder("mine", "AdministratorAccess");
        EffectivePolicy mine = effective.stream().filter(policy -> policy.name().equals("mine")).findFirst().orElseThrow();
        assertThat(mine.defaultVersion()).map(PolicyVersion::document).contains("two");
        assertThat(mine.resourceGroup()).contains("rg-x");
        store().inTransaction(transaction -> {
            transaction.groups().removeMember(account.id(), "ops", "alice");
            transaction.attachments().forPrincipal(account.id(), Attachment.PrincipalType.Group, "ops")
                    .forEach(attachment -> transaction.attachments().delete(account.id(), attachment));
            return null;
        });
    }

    @Test
    void aResourceGroupBelongsToItsAccountAndItsNameIsTakenOnce() {
        Account account = newAccount(Optional.empty());
        Account other = newAccount(Optional.empty());
        ResourceGroup group = new ResourceGroup(account.id(), new ResourceGroupId("rg-" + account.id()), "team-a", "Team A", false, NOW);
        store().inTransaction(transaction -> {
            transaction.resourceGroups().insert(group);
            return null;
        });
        Optional<ResourceGroup> found = store().inTransaction(transaction -> transaction.resourceGroups().find(account.id(), group.id()));
        assertThat(found).contains(group);
        Optional<ResourceGroup> fromOther = store().inTransaction(transaction -> transaction.resourceGroups().find(other.id(), group.id()));
        assertThat(fromOther).isEmpty();
        assertThatThrownBy(() -> store().inTransaction(transaction -> {
            transaction.resourceGroups().insert(new ResourceGroup(account.id(), new ResourceGroupId("rg-x" + account.id()), "team-a", "",
                    false, NOW));
            return null;
        })).isInstanceOf(DuplicateEntityException.class);
        assertThat(changed(transaction -> transaction.resourceGroups().delete(other.id(), group.id()))).isFalse();
    }

    private Optional<RamUser> findUser(AccountId account, UserName name) {
        return store().inTransaction(transaction -> transaction.users().find(account, name));
    }

    private List<RamUser> listUsers(AccountId account, Optional<String> after, int limit) {
        return store().inTransaction(transaction -> transaction.users().list(account, after, limit));
    }

    private int countUsers(AccountId account) {
        return store().inTransaction(transaction -> transaction.users().count(account));
    }

    private static RamUser user(AccountId account, String name) {
        return new RamUser(account, String.valueOf(1_000_000_000_000_000L + RANDOM.nextLong(8_000_000_000_000_000L)),
                new UserName(name), name, "", "", "", NOW, NOW);
    }

    private Optional<Account> account(AccountId id) {
        return store().inTransaction(transaction -> transaction.accounts().find(id));
    }

    private List<Account> accounts() {
        return store().inTransaction(transaction -> transaction.accounts().list());
    }

    private Optional<AccessKey> key(AccessKeyId id) {
        return store().inTransaction(transaction -> transaction.accessKeys().find(id));
    }

    private List<AccessKey> keys(AccountId account, Optional<String> userName) {
        return store().inTransaction(transaction -> transaction.accessKeys().listOf(account, userName));
    }

    private Optional<String> password(AccountId account, Optional<String> userName, PasswordKind kind) {
        return store().inTransaction(transaction -> transaction.passwords().find(account, userName, kind));
    }

    private boolean changed(IdentityStore.Work<Boolean> work) {
        return store().inTransaction(work);
    }

    /** Adds an account (with {@code alias}) that the suite removes when the test ends. */
    protected final Account newAccount(Optional<String> alias) {
        Account account = new Account(Account.newId(RANDOM), alias, NOW);
        store().inTransaction(transaction -> {
            transaction.accounts().insert(account);
            return null;
        });
        created.add(account.id());
        return account;
    }

    private AccessKey newKey(AccountId account, Optional<String> userName) {
        AccessKey key = new AccessKey(AccessKeyId.newLongTerm(RANDOM), account, userName,
                new SealedSecret(new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7}), AccessKeyStatus.Active, NOW);
        store().inTransaction(transaction -> {
            transaction.accessKeys().insert(key);
            return null;
        });
        return key;
    }
}
