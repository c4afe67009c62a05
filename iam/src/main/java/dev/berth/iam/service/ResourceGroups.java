package dev.berth.iam.service;

import dev.berth.iam.IamException;
import dev.berth.iam.resourcegroup.ResourceGroup;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.IdentityTransaction;
import dev.berth.iam.value.RandomText;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Resource groups (iam-api.md section 3, version {@code 2020-03-31}); each account has a default one. */
public final class ResourceGroups {
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final IdentityStore store;
    private final SecureRandom random;

    public ResourceGroups(IdentityStore store, SecureRandom random) {
        this.store = Objects.requireNonNull(store, "store");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new group; the account's default group is made on first use, so an older account gets one too. */
    public ResourceGroup create(AccountId account, String name, String displayName, Instant now) {
        if (!ResourceGroup.isName(name)) {
            throw new IamException(IamException.Kind.INVALID, "Name",
                    "`Name` must be 2 to 50 of `a-z0-9-`, starting with a letter or digit, got `" + name + "`");
        }
        ResourceGroup group = new ResourceGroup(account, newId(), name, displayName.isEmpty() ? name : displayName, false, now);
        return store.inTransaction(transaction -> {
            ensureDefault(transaction, account, now);
            try {
                transaction.resourceGroups().insert(group);
            } catch (DuplicateEntityException e) {
                throw new IamException(IamException.Kind.ALREADY_EXISTS, "ResourceGroup", "resource group `" + name + "` exists");
            }
            return group;
        });
    }

    public List<ResourceGroup> list(AccountId account, Instant now) {
        return store.inTransaction(transaction -> {
            ensureDefault(transaction, account, now);
            return transaction.resourceGroups().list(account);
        });
    }

    /** The account's default resource group, made on first use. */
    public ResourceGroup defaultGroup(AccountId account, Instant now) {
        return store.inTransaction(transaction -> ensureDefault(transaction, account, now));
    }

    public ResourceGroup find(AccountId account, ResourceGroupId id) {
        return store.inTransaction(transaction -> existing(transaction, account, id));
    }

    /** Deletes a group other than the default; attachments scoped to it then match no resource. */
    public ResourceGroup delete(AccountId account, ResourceGroupId id) {
        return store.inTransaction(transaction -> {
            ResourceGroup group = existing(transaction, account, id);
            if (group.isDefault()) {
                throw new IamException(IamException.Kind.DELETE_CONFLICT, "ResourceGroup.Default", "the default resource group stays");
            }
            transaction.resourceGroups().delete(account, id);
            return group;
        });
    }

    static ResourceGroup existing(IdentityTransaction transaction, AccountId account, ResourceGroupId id) {
        return transaction.resourceGroups().find(account, id).orElseThrow(() ->
                new IamException(IamException.Kind.NOT_FOUND, "ResourceGroup", "resource group `" + id + "` does not exist"));
    }

    /** The account's default group, made now if it has none yet. */
    private ResourceGroup ensureDefault(IdentityTransaction transaction, AccountId account, Instant now) {
        Optional<ResourceGroup> existing = transaction.resourceGroups().list(account).stream().filter(ResourceGroup::isDefault).findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        ResourceGroup made = new ResourceGroup(account, newId(), "default", "Default resource group", true, now);
        transaction.resourceGroups().insert(made);
        return made;
    }

    private ResourceGroupId newId() {
        return new ResourceGroupId("rg-" + RandomText.of(random, ID_ALPHABET, 15).toLowerCase(Locale.ROOT));
    }
}
