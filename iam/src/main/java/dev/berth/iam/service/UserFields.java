package dev.berth.iam.service;

import dev.berth.iam.IamException;
import java.util.Optional;

/** The optional text fields of a user, each checked for length (iam-api.md section 1). */
public record UserFields(Optional<String> displayName, Optional<String> email, Optional<String> mobilePhone,
                         Optional<String> comments) {
    public UserFields {
        check("DisplayName", displayName, 128);
        check("Email", email, 128);
        check("MobilePhone", mobilePhone, 32);
        check("Comments", comments, 128);
    }

    public static UserFields none() {
        return new UserFields(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void check(String name, Optional<String> value, int maximum) {
        if (value.isPresent() && value.get().length() > maximum) {
            throw new IamException(IamException.Kind.INVALID, name, "`" + name + "` must be at most " + maximum + " characters");
        }
    }
}
