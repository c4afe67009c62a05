package dev.berth.metadata.jdbc;

import dev.berth.iam.store.AccessKeyRepository;
import dev.berth.iam.store.AccountRepository;
import dev.berth.iam.store.AttachmentRepository;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.GroupRepository;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.store.LoginProfileRepository;
import dev.berth.iam.store.PasswordRepository;
import dev.berth.iam.store.PolicyRepository;
import dev.berth.iam.store.ResourceGroupRepository;
import dev.berth.iam.store.RoleRepository;
import dev.berth.iam.store.UserRepository;
import java.sql.Connection;

/** The repositories of one JDBC transaction, all on its connection. */
final class JdbcTransaction implements IdentityTransaction {
    private final Sql sql;

    /**
     * Moves the identity generation on when this transaction changed a row; called just before it
     * commits. Returns whether it did.
     */
    boolean closeGeneration() {
        if (!sql.changed()) {
            return false;
        }
        sql.update("UPDATE identity_generation SET generation = generation + 1 WHERE id = 1");
        return true;
    }

    JdbcTransaction(Connection connection) {
        this.sql = new Sql(connection, violation -> new DuplicateEntityException("already exists", violation));
    }

    @Override
    public AccountRepository accounts() {
        return new JdbcAccountRepository(sql);
    }

    @Override
    public UserRepository users() {
        return new JdbcUserRepository(sql);
    }

    @Override
    public GroupRepository groups() {
        return new JdbcGroupRepository(sql);
    }

    @Override
    public AccessKeyRepository accessKeys() {
        return new JdbcAccessKeyRepository(sql);
    }

    @Override
    public PasswordRepository passwords() {
        return new JdbcPasswordRepository(sql);
    }

    @Override
    public LoginProfileRepository loginProfiles() {
        return new JdbcLoginProfileRepository(sql);
    }

    @Override
    public PolicyRepository policies() {
        return new JdbcPolicyRepository(sql);
    }

    @Override
    public RoleRepository roles() {
        return new JdbcRoleRepository(sql);
    }

    @Override
    public ResourceGroupRepository resourceGroups() {
        return new JdbcResourceGroupRepository(sql);
    }

    @Override
    public AttachmentRepository attachments() {
        return new JdbcAttachmentRepository(sql);
    }
}
