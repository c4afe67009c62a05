package dev.berth.server.rpc.signature;

import java.util.Objects;

/**
 * The AccessKeyId a request claims (iam-api.md section 1: {@code LTAI...} for a user's key,
 * {@code STS.} and letters and digits for a role session). Only its shape is checked here: 1 to 128
 * printable ASCII characters; whether it exists is the {@link SecretLookup}'s answer.
 */
public record AccessKeyId(String value) {
    public AccessKeyId {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > 128 || !value.chars().allMatch(c -> c > ' ' && c < 0x7f)) {
            throw new IllegalArgumentException("malformed access key id `" + value + "`");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
