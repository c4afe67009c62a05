package dev.berth.policy.value;

import java.util.Objects;

/** An account's id: the digits that stand in ARNs such as {@code acs:ram::<uid>:root}. */
public record AccountId(String value) {
    public AccountId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 32 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("account id must be 1 to 32 digits, got `" + value + "`");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
