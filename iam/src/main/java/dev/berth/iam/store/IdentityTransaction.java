package dev.berth.iam.store;

/** The repositories of one transaction; valid only inside {@link IdentityStore#inTransaction}. */
public interface IdentityTransaction {
    AccountRepository accounts();

    UserRepository users();

    GroupRepository groups();

    AccessKeyRepository accessKeys();

    PasswordRepository passwords();

    LoginProfileRepository loginProfiles();

    PolicyRepository policies();

    RoleRepository roles();

    AttachmentRepository attachments();

    ResourceGroupRepository resourceGroups();
}
