package dev.berth.policy.evaluation;

import dev.berth.policy.value.ResourceGroupId;
import java.util.Objects;

/** Where an attachment applies: the whole account, or one resource group (policy.md section 4). */
public sealed interface Scope {
    Scope ACCOUNT = new Account();

    record Account() implements Scope {
    }

    record ResourceGroup(ResourceGroupId group) implements Scope {
        public ResourceGroup {
            Objects.requireNonNull(group, "group");
        }
    }
}
