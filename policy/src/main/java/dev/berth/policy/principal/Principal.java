package dev.berth.policy.principal;

import dev.berth.policy.value.AccountId;
import java.util.Objects;

/** Who makes a request (policy.md sections 4 and 5). */
public sealed interface Principal {

    /** The account itself (root): everything in its own account, never {@code sts:AssumeRole}. */
    record Account(AccountId account) implements Principal {
        public Account {
            Objects.requireNonNull(account, "account");
        }
    }

    /** A RAM user of an account. */
    record RamUser(AccountId account, String name) implements Principal {
        public RamUser {
            Objects.requireNonNull(account, "account");
            requireName(name, "user name");
        }
    }

    /** A session of a role, created by {@code AssumeRole}. */
    record RoleSession(AccountId account, String role, String session) implements Principal {
        public RoleSession {
            Objects.requireNonNull(account, "account");
            requireName(role, "role name");
            requireName(session, "session name");
        }
    }

    /** A cloud service acting for an account, such as {@code cr.aliyuncs.com}. */
    record Service(String service) implements Principal {
        public Service {
            requireName(service, "service");
        }
    }

    /** A session issued through an identity provider, named by the provider's ARN. */
    record FederatedSession(String provider) implements Principal {
        public FederatedSession {
            requireName(provider, "identity provider");
        }
    }

    private static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
    }
}
