package dev.berth.policy.value;

import java.util.Objects;
import java.util.Optional;

/**
 * The resource of a request: {@code acs:<service>:<region>:<account>:<relative-id>}, or any other
 * non-empty text (a request may name a resource that no policy can match). At most 2048
 * characters (ours): the longest resource the server builds is far shorter, and the bound keeps
 * the cost of matching the longest allowed wildcard pattern small.
 */
public record ResourceArn(String value) {
    public static final int MAXIMUM_LENGTH = 2048;

    public ResourceArn {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("resource must not be empty");
        }
        if (value.length() > MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("resource is " + value.length() + " characters, over the limit of "
                    + MAXIMUM_LENGTH);
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
