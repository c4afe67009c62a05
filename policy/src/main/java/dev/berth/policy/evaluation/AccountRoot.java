package dev.berth.policy.evaluation;

import dev.berth.policy.principal.Principal;
import java.util.Optional;

/**
 * Step 1 of policy.md section 4: the account itself may do everything in its own account, with no
 * policy read, but never {@code sts:AssumeRole}; nothing of another account is open to it. A
 * resource that names no account (an empty account field, or no ARN at all) is taken as its own, and
 * so are the built-in resources every account shares, whose account field is {@code system}
 * (system policies, iam-api.md section 2).
 */
final class AccountRoot {
    static final String ASSUME_ROLE = "sts:assumerole";
    /** The account field of built-in resources that every account shares. */
    static final String SHARED = "system";

    private AccountRoot() {
    }

    static Decision decide(Principal.Account root, Request request) {
        if (request.action().normalized().equals(ASSUME_ROLE)) {
            return Decision.IMPLICIT_DENY;
        }
        Optional<String> owner = request.resource().accountField();
        boolean own = owner.isEmpty() || owner.get().isEmpty() || owner.get().equals(SHARED)
                || owner.get().equals(root.account().value());
        return own ? Decision.ALLOW_WITHOUT_POLICY : Decision.IMPLICIT_DENY;
    }
}
