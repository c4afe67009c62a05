package dev.berth.policy.value;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A role's ARN, {@code acs:ram::<uid>:role/<name>} (policy.md section 5). */
public record RoleArn(AccountId account, String name) {
    private static final Pattern SYNTAX = Pattern.compile("acs:ram:[^:]*:([0-9]{1,32}):role/([A-Za-z0-9.@_-]{1,64})");

    public RoleArn {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(name, "name");
    }

    public static Optional<RoleArn> parse(String text) {
        Matcher matcher = SYNTAX.matcher(text);
        return matcher.matches()
                ? Optional.of(new RoleArn(new AccountId(matcher.group(1)), matcher.group(2)))
                : Optional.empty();
    }

    /** The resource that {@code sts:AssumeRole} is authorized on. */
    public ResourceArn resource() {
        return new ResourceArn("acs:ram::" + account + ":role/" + name);
    }

    @Override
    public String toString() {
        return resource().value();
    }
}
