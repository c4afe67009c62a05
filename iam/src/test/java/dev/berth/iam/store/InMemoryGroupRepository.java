package dev.berth.iam.store;

import dev.berth.iam.group.RamGroup;
import dev.berth.policy.value.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The fake's GroupRepository, on the state of one transaction. */
final class InMemoryGroupRepository implements GroupRepository {
    private final InMemoryIdentityStore.State state;

    InMemoryGroupRepository(InMemoryIdentityStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(RamGroup group) {
        if (state.groups.putIfAbsent(InMemoryIdentityStore.State.policyKey(group.account(), group.name()), group) != null) {
            throw new DuplicateEntityException("group exists", null);
        }
    }

    @Override
    public Optional<RamGroup> find(AccountId account, String name) {
        return Optional.ofNullable(state.groups.get(InMemoryIdentityStore.State.policyKey(account, name)));
    }

    @Override
    public List<RamGroup> list(AccountId account) {
        return state.groups.values().stream().filter(group -> group.account().equals(account)).toList();
    }

    @Override
    public int count(AccountId account) {
        return list(account).size();
    }

    @Override
    public void update(String previousName, RamGroup group) {
        RamGroup previous = state.groups.remove(InMemoryIdentityStore.State.policyKey(group.account(), previousName));
        if (state.groups.putIfAbsent(InMemoryIdentityStore.State.policyKey(group.account(), group.name()), group) != null) {
            state.groups.put(InMemoryIdentityStore.State.policyKey(group.account(), previousName), previous);
            throw new DuplicateEntityException("group exists", null);
        }
        for (String member : List.copyOf(state.members.keySet())) {
            String prefix = group.account() + "/" + previousName.toLowerCase(Locale.ROOT) + "/";
            if (member.startsWith(prefix)) {
                state.members.put(group.account() + "/" + group.key() + "/" + member.substring(prefix.length()), state.members.remove(member));
            }
        }
    }

    @Override
    public boolean delete(AccountId account, String name) {
        return state.groups.remove(InMemoryIdentityStore.State.policyKey(account, name)) != null;
    }

    @Override
    public void addMember(AccountId account, String groupName, String userName, Instant now) {
        if (state.members.putIfAbsent(InMemoryIdentityStore.State.memberKey(account, groupName, userName), now) != null) {
            throw new DuplicateEntityException("member exists", null);
        }
    }

    @Override
    public boolean removeMember(AccountId account, String groupName, String userName) {
        return state.members.remove(InMemoryIdentityStore.State.memberKey(account, groupName, userName)) != null;
    }

    @Override
    public List<String> members(AccountId account, String groupName) {
        String prefix = account + "/" + groupName.toLowerCase(Locale.ROOT) + "/";
        return state.members.keySet().stream().filter(key -> key.startsWith(prefix)).map(key -> key.substring(prefix.length()))
                .toList();
    }

    @Override
    public List<RamGroup> groupsOf(AccountId account, String userName) {
        return state.groups.values().stream().filter(group -> group.account().equals(account)
                && state.members.containsKey(InMemoryIdentityStore.State.memberKey(account, group.name(), userName))).toList();
    }
}
