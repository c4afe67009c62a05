package dev.berth.iam.store;

import dev.berth.iam.account.Account;
import dev.berth.iam.key.AccessKey;
import dev.berth.iam.key.AccessKeyStatus;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fake store for tests of the layers above: one lock, and each transaction works on a copy
 * that replaces the state only when the work returns.
 */
public final class InMemoryIdentityStore implements IdentityStore {
    private long generation;
    private State state = new State();

    @Override
    public synchronized <T> T inTransaction(Work<T> work) {
        State copy = state.copy();
        T result = work.run(copy);
        if (!copy.sameAs(state)) {
            generation++;
        }
        state = copy;
        return result;
    }

    /** Moves on with every transaction that changed more than adding role sessions, as the JDBC store's does. */
    @Override
    public synchronized long generation() {
        return generation;
    }

    static final class State implements IdentityTransaction, AccountRepository, AccessKeyRepository, PasswordRepository,
            UserRepository {
        final Map<AccountId, Account> accounts = new LinkedHashMap<>();
        final Map<AccessKeyId, AccessKey> keys = new LinkedHashMap<>();
        final Map<String, String> passwords = new LinkedHashMap<>();
        final Map<String, RamUser> users = new TreeMap<>();
        final Map<String, CustomPolicy> policies = new TreeMap<>();
        final Map<String, List<PolicyVersion>> versions = new LinkedHashMap<>();
        final List<Map.Entry<AccountId, Attachment>> attachments = new ArrayList<>();
        final Map<String, Role> roles = new TreeMap<>();
        final Map<String, RamGroup> groups = new TreeMap<>();
        final Map<String, LoginProfile> loginProfiles = new TreeMap<>();
        final Map<ResourceGroupId, ResourceGroup> resourceGroups = new LinkedHashMap<>();
        final Map<String, Instant> members = new TreeMap<>();
        final Map<AccessKeyId, RoleSession> sessions = new LinkedHashMap<>();

        State copy() {
            State copy = new State();
            copy.roles.putAll(roles);
            copy.groups.putAll(groups);
            copy.loginProfiles.putAll(loginProfiles);
            copy.resourceGroups.putAll(resourceGroups);
            copy.members.putAll(members);
            copy.sessions.putAll(sessions);
            copy.users.putAll(users);
            copy.policies.putAll(policies);
            versions.forEach((key, list) -> copy.versions.put(key, new ArrayList<>(list)));
            copy.attachments.addAll(attachments);
            copy.accounts.putAll(accounts);
            copy.keys.putAll(keys);
            copy.passwords.putAll(passwords);
            return copy;
        }

        /**
         * Whether this state holds what {@code other} holds, new role sessions aside: adding a session
         * does not move the generation, as in the JDBC store.
         */
        boolean sameAs(State other) {
            return accounts.equals(other.accounts) && keys.equals(other.keys) && passwords.equals(other.passwords)
                    && users.equals(other.users) && policies.equals(other.policies) && versions.equals(other.versions)
                    && attachments.equals(other.attachments) && roles.equals(other.roles) && groups.equals(other.groups)
                    && loginProfiles.equals(other.loginProfiles) && resourceGroups.equals(other.resourceGroups)
                    && members.equals(other.members) && other.sessions.entrySet().stream()
                    .allMatch(session -> session.getValue().equals(sessions.get(session.getKey())));
        }

        @Override
        public AccountRepository accounts() {
            return this;
        }

        @Override
        public AccessKeyRepository accessKeys() {
            return this;
        }

        @Override
        public LoginProfileRepository loginProfiles() {
            return new LoginProfileRepository() {
                @Override
                public void insert(LoginProfile profile) {
                    if (loginProfiles.putIfAbsent(policyKey(profile.account(), profile.userName()), profile) != null) {
                        throw new DuplicateEntityException("login profile exists", null);
                    }
                }

                @Override
                public Optional<LoginProfile> find(AccountId account, String userName) {
                    return Optional.ofNullable(loginProfiles.get(policyKey(account, userName)));
                }

                @Override
                public void update(LoginProfile profile) {
                    loginProfiles.replace(policyKey(profile.account(), profile.userName()), profile);
                }

                @Override
                public boolean delete(AccountId account, String userName) {
                    return loginProfiles.remove(policyKey(account, userName)) != null;
                }
            };
        }

        @Override
        public UserRepository users() {
            return this;
        }

        @Override
        public PolicyRepository policies() {
            return new PolicyRepository() {
                @Override
                public void insert(CustomPolicy policy, PolicyVersion firstVersion) {
                    if (policies.putIfAbsent(policyKey(policy.account(), policy.name()), policy) != null) {
                        throw new DuplicateEntityException("policy exists", null);
                    }
                    versions.put(policyKey(policy.account(), policy.name()), new ArrayList<>(List.of(firstVersion)));
                }

                @Override
                public Optional<CustomPolicy> find(AccountId account, String name) {
                    return Optional.ofNullable(policies.get(policyKey(account, name)));
                }

                @Override
                public List<CustomPolicy> list(AccountId account) {
                    return policies.values().stream().filter(policy -> policy.account().equals(account)).toList();
                }

                @Override
                public int count(AccountId account) {
                    return list(account).size();
                }

                @Override
                public void update(CustomPolicy policy) {
                    policies.replace(policyKey(policy.account(), policy.name()), policy);
                }

                @Override
                public void insertVersion(AccountId account, String policyName, PolicyVersion version) {
                    versions.get(policyKey(account, policyName)).add(version);
                }

                @Override
                public List<PolicyVersion> versions(AccountId account, String policyName) {
                    return List.copyOf(versions.getOrDefault(policyKey(account, policyName), List.of()));
                }

                @Override
                public boolean deleteVersion(AccountId account, String policyName, String versionId) {
                    return versions.getOrDefault(policyKey(account, policyName), new ArrayList<>())
                            .removeIf(version -> version.versionId().equals(versionId));
                }

                @Override
                public boolean delete(AccountId account, String policyName) {
                    versions.remove(policyKey(account, policyName));
                    return policies.remove(policyKey(account, policyName)) != null;
                }
            };
        }

        @Override
        public RoleRepository roles() {
            return new InMemoryRoleRepository(this);
        }

        @Override
        public ResourceGroupRepository resourceGroups() {
            return new InMemoryResourceGroupRepository(this);
        }

        @Override
        public AttachmentRepository attachments() {
            return new AttachmentRepository() {
                @Override
                public void insert(AccountId account, Attachment attachment) {
                    if (attachments.stream().anyMatch(entry -> entry.getKey().equals(account) && same(entry.getValue(), attachment))) {
                        throw new DuplicateEntityException("attached already", null);
                    }
                    attachments.add(Map.entry(account, normalized(attachment)));
                }

                @Override
                public boolean delete(AccountId account, Attachment attachment) {
                    return attachments.removeIf(entry -> entry.getKey().equals(account) && same(entry.getValue(), attachment));
                }

                @Override
                public List<Attachment> forPrincipal(AccountId account, Attachment.PrincipalType type, String principalName) {
                    return attachments.stream().filter(entry -> entry.getKey().equals(account)).map(Map.Entry::getValue)
                            .filter(a -> a.principalType() == type && a.principalName().equalsIgnoreCase(principalName)).toList();
                }

                @Override
                public List<EffectivePolicy> effectiveFor(AccountId account, Attachment.PrincipalType type, String principalName) {
                    List<Attachment> found = new ArrayList<>(forPrincipal(account, type, principalName));
                    if (type == Attachment.PrincipalType.User) {
                        for (RamGroup group : groups().groupsOf(account, principalName)) {
                            found.addAll(forPrincipal(account, Attachment.PrincipalType.Group, group.name()));
                        }
                    }
                    return found.stream().map(attachment -> new EffectivePolicy(attachment.policyType(), attachment.policyName(),
                            attachment.resourceGroup(), attachment.policyType() == PolicyType.System ? Optional.empty()
                            : policies().find(account, attachment.policyName()).flatMap(policy -> policies()
                                    .versions(account, policy.name()).stream()
                                    .filter(version -> version.versionId().equals(policy.defaultVersion())).findFirst())))
                            .toList();
                }

                @Override
                public List<Attachment> forPolicy(AccountId account, PolicyType type, String policyName) {
                    return attachments.stream().filter(entry -> entry.getKey().equals(account)).map(Map.Entry::getValue)
                            .filter(a -> a.policyType() == type && a.policyName().equalsIgnoreCase(policyName)).toList();
                }
            };
        }

        private static boolean same(Attachment a, Attachment b) {
            return a.principalType() == b.principalType() && a.principalName().equalsIgnoreCase(b.principalName())
                    && a.policyType() == b.policyType() && a.policyName().equalsIgnoreCase(b.policyName())
                    && a.resourceGroup().equals(b.resourceGroup());
        }

        private static Attachment normalized(Attachment attachment) {
            return new Attachment(attachment.principalType(), attachment.principalName().toLowerCase(Locale.ROOT),
                    attachment.policyType(), attachment.policyName(), attachment.resourceGroup(), attachment.attachedAt());
        }

        static String policyKey(AccountId account, String name) {
            return account + "/" + name.toLowerCase(Locale.ROOT);
        }

        @Override
        public void insert(RamUser user) {
            if (users.putIfAbsent(userKey(user.account(), user.name()), user) != null) {
                throw new DuplicateEntityException("user exists", null);
            }
        }

        @Override
        public Optional<RamUser> find(AccountId account, UserName name) {
            return Optional.ofNullable(users.get(userKey(account, name)));
        }

        @Override
        public List<RamUser> list(AccountId account, Optional<String> after, int limit) {
            return users.values().stream()
                    .filter(user -> user.account().equals(account) && user.name().key().compareTo(after.orElse("")) > 0)
                    .sorted(Comparator.comparing(user -> user.name().key()))
                    .limit(limit)
                    .toList();
        }

        @Override
        public int count(AccountId account) {
            return (int) users.values().stream().filter(user -> user.account().equals(account)).count();
        }

        @Override
        public boolean update(UserName previousName, RamUser user) {
            RamUser previous = users.remove(userKey(user.account(), previousName));
            if (previous == null) {
                return false;
            }
            try {
                insert(user);
            } catch (DuplicateEntityException e) {
                users.put(userKey(user.account(), previousName), previous);
                throw e;
            }
            if (!previousName.key().equals(user.name().key())) {
                keys.replaceAll((id, key) -> key.account().equals(user.account())
                        && key.userName().map(name -> name.equalsIgnoreCase(previousName.value())).orElse(false)
                        ? new AccessKey(key.id(), key.account(), Optional.of(user.name().value()), key.secret(), key.status(), key.createdAt())
                        : key);
                LoginProfile profile = loginProfiles.remove(policyKey(user.account(), previousName.value()));
                if (profile != null) {
                    loginProfiles.put(policyKey(user.account(), user.name().value()), new LoginProfile(profile.account(), user.name().key(),
                            profile.passwordResetRequired(), profile.mfaBindRequired(), profile.createdAt()));
                }
                for (PasswordKind kind : PasswordKind.values()) {
                    String hash = passwords.remove(passwordKey(user.account(), Optional.of(previousName.value()), kind));
                    if (hash != null) {
                        passwords.put(passwordKey(user.account(), Optional.of(user.name().value()), kind), hash);
                    }
                }
                attachments.replaceAll(entry -> entry.getKey().equals(user.account())
                        && entry.getValue().principalType() == Attachment.PrincipalType.User
                        && entry.getValue().principalName().equalsIgnoreCase(previousName.value())
                        ? Map.entry(entry.getKey(), new Attachment(Attachment.PrincipalType.User, user.name().key(),
                        entry.getValue().policyType(), entry.getValue().policyName(), entry.getValue().resourceGroup(),
                        entry.getValue().attachedAt()))
                        : entry);
                for (String member : List.copyOf(members.keySet())) {
                    String prefix = user.account() + "/";
                    if (member.startsWith(prefix) && member.endsWith("/" + previousName.key())) {
                        Instant joined = members.remove(member);
                        members.put(member.substring(0, member.length() - previousName.key().length()) + user.name().key(), joined);
                    }
                }
            }
            return true;
        }

        @Override
        public GroupRepository groups() {
            return new InMemoryGroupRepository(this);
        }

        static String memberKey(AccountId account, String groupName, String userName) {
            return account + "/" + groupName.toLowerCase(Locale.ROOT) + "/" + userName.toLowerCase(Locale.ROOT);
        }

        @Override
        public boolean delete(AccountId account, UserName name) {
            return users.remove(userKey(account, name)) != null;
        }

        private static String userKey(AccountId account, UserName name) {
            return account + "/" + name.key();
        }

        @Override
        public PasswordRepository passwords() {
            return this;
        }

        @Override
        public void insert(Account account) {
            boolean aliasTaken = account.alias().isPresent()
                    && accounts.values().stream().anyMatch(other -> other.alias().equals(account.alias()));
            if (accounts.containsKey(account.id()) || aliasTaken) {
                throw new DuplicateEntityException("account exists", null);
            }
            accounts.put(account.id(), account);
        }

        @Override
        public Optional<Account> find(AccountId id) {
            return Optional.ofNullable(accounts.get(id));
        }

        @Override
        public List<Account> list() {
            return List.copyOf(accounts.values());
        }

        @Override
        public boolean delete(AccountId id) {
            return accounts.remove(id) != null;
        }

        @Override
        public boolean updateAlias(AccountId id, Optional<String> alias) {
            Account account = accounts.get(id);
            if (account == null) {
                return false;
            }
            if (alias.isPresent() && accounts.values().stream().anyMatch(other -> !other.id().equals(id) && other.alias().equals(alias))) {
                throw new DuplicateEntityException("alias taken", null);
            }
            accounts.put(id, new Account(id, alias, account.createdAt()));
            return true;
        }

        @Override
        public void insert(AccessKey key) {
            if (keys.putIfAbsent(key.id(), key) != null) {
                throw new DuplicateEntityException("key exists", null);
            }
        }

        @Override
        public Optional<AccessKey> find(AccessKeyId id) {
            return Optional.ofNullable(keys.get(id));
        }

        @Override
        public List<AccessKey> listOf(AccountId account, Optional<String> userName) {
            List<AccessKey> found = new ArrayList<>();
            for (AccessKey key : keys.values()) {
                if (key.account().equals(account) && owner(key.userName()).equals(owner(userName))) {
                    found.add(key);
                }
            }
            found.sort(Comparator.comparing(AccessKey::createdAt));
            return found;
        }

        @Override
        public boolean updateStatus(AccessKeyId id, AccessKeyStatus status) {
            AccessKey key = keys.get(id);
            if (key == null) {
                return false;
            }
            keys.put(id, key.withStatus(status));
            return true;
        }

        @Override
        public boolean delete(AccessKeyId id) {
            return keys.remove(id) != null;
        }

        @Override
        public void set(AccountId account, Optional<String> userName, PasswordKind kind, String hash) {
            passwords.put(passwordKey(account, userName, kind), hash);
        }

        @Override
        public Optional<String> find(AccountId account, Optional<String> userName, PasswordKind kind) {
            return Optional.ofNullable(passwords.get(passwordKey(account, userName, kind)));
        }

        @Override
        public boolean delete(AccountId account, Optional<String> userName, PasswordKind kind) {
            return passwords.remove(passwordKey(account, userName, kind)) != null;
        }

        private static String owner(Optional<String> userName) {
            return userName.map(name -> name.toLowerCase(Locale.ROOT)).orElse("");
        }

        private static String passwordKey(AccountId account, Optional<String> userName, PasswordKind kind) {
            return account + "/" + owner(userName) + "/" + kind;
        }
    }
}
