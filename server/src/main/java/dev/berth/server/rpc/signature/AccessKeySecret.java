package dev.berth.server.rpc.signature;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** The secret half of an AccessKey, as the signer holds it; never printed. */
public record AccessKeySecret(String value) {
    public AccessKeySecret {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty access key secret");
        }
    }

    byte[] utf8() {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "AccessKeySecret[redacted]";
    }
}
