package dev.berth.iam.store;

import dev.berth.iam.role.Role;
import dev.berth.iam.role.RoleSession;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.util.List;
import java.util.Optional;

/** The fake's RoleRepository, on the state of one transaction. */
final class InMemoryRoleRepository implements RoleRepository {
    private final InMemoryIdentityStore.State state;

    InMemoryRoleRepository(InMemoryIdentityStore.State state) {
        this.state = state;
    }

    @Override
    public void insert(Role role) {
        if (state.roles.putIfAbsent(InMemoryIdentityStore.State.policyKey(role.account(), role.name()), role) != null) {
            throw new DuplicateEntityException("role exists", null);
        }
    }

    @Override
    public Optional<Role> find(AccountId account, String name) {
        return Optional.ofNullable(state.roles.get(InMemoryIdentityStore.State.policyKey(account, name)));
    }

    @Override
    public List<Role> list(AccountId account) {
        return state.roles.values().stream().filter(role -> role.account().equals(account)).toList();
    }

    @Override
    public int count(AccountId account) {
        return list(account).size();
    }

    @Override
    public void update(Role role) {
        state.roles.replace(InMemoryIdentityStore.State.policyKey(role.account(), role.name()), role);
    }

    @Override
    public void endSessions(AccountId account, String roleName) {
        state.sessions.values().removeIf(session -> session.account().equals(account) && session.roleName().equalsIgnoreCase(roleName));
    }

    @Override
    public boolean delete(AccountId account, String name) {
        endSessions(account, name);
        return state.roles.remove(InMemoryIdentityStore.State.policyKey(account, name)) != null;
    }

    @Override
    public void insertSession(RoleSession session) {
        state.sessions.put(session.accessKeyId(), session);
    }

    @Override
    public Optional<RoleSession> findSession(AccessKeyId accessKeyId) {
        return Optional.ofNullable(state.sessions.get(accessKeyId));
    }
}
