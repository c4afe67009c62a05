package dev.berth.registry.instance;

import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceGroupId;
import java.time.Instant;
import java.util.Objects;

/** A registry instance of an account: at most one Personal Edition, any number of Enterprise Edition ones. */
public record Instance(InstanceId id, AccountId account, InstanceName name, InstanceType type, InstanceStatus status,
                       ResourceGroupId resourceGroup, Instant createdAt) {
    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(resourceGroup, "resourceGroup");
        Objects.requireNonNull(createdAt, "createdAt");
        if (id.isPersonal() != type.isPersonal()) {
            throw new IllegalArgumentException("instance `" + id + "` does not fit type `" + type + "`");
        }
    }
}
