package dev.berth.policy.value;

import java.util.Objects;
import java.util.Optional;

/**
 * The resource of a request: {@code acs:<service>:<region>:<account>:<relative-id>}, or any other
 * non-empty text (a request may name a resource that no policy can match).
 */
public record ResourceArn(String value) {
    public ResourceArn {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("resource must not be empty");
        }
    }

    public static ResourceArn of(String value) {
        return new ResourceArn(value);
    }

    /** The account field of the ARN, the text between its third and fourth colon, if it has one. */
    public Optional<String> accountField() {
        if (!value.startsWith("acs:")) {
            return Optional.empty();
        }
        int service = value.indexOf(':', 4);
        int region = service < 0 ? -1 : value.indexOf(':', service + 1);
        int account = region < 0 ? -1 : value.indexOf(':', region + 1);
        return account < 0 ? Optional.empty() : Optional.of(value.substring(region + 1, account));
    }

    @Override
    public String toString() {
        return value;
    }
}
