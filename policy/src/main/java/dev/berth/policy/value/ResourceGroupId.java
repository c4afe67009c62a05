package dev.berth.policy.value;

import java.util.Objects;

/** A resource group, such as {@code rg-aek2abc}: the scope of some attachments (policy.md section 4). */
public record ResourceGroupId(String value) {
    public ResourceGroupId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("resource group must not be empty");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
