package dev.berth.server.rpc.signature;

import java.util.Objects;

/** The STS token that comes with a temporary key; never printed whole. */
public record SecurityToken(String value) {
    public SecurityToken {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty security token");
        }
    }

    @Override
    public String toString() {
        return "SecurityToken[" + value.length() + " characters]";
    }
}
