package dev.berth.server.rpc;

import dev.berth.policy.principal.Principal;
import dev.berth.policy.value.AccountId;
import java.util.Optional;

/** The ARNs of principals (iam-api.md section 1), and the accounts they act in. */
public final class Principals {
    private Principals() {
    }

    public static String arn(Principal principal) {
        return switch (principal) {
            case Principal.Account account -> "acs:ram::" + account.account() + ":root";
            case Principal.RamUser user -> "acs:ram::" + user.account() + ":user/" + user.name();
            case Principal.RoleSession session -> "acs:ram::" + session.account() + ":role/" + session.role() + "/" + session.session();
            case Principal.Service service -> service.service();
            case Principal.FederatedSession federated -> federated.provider();
        };
    }

    /** The account a principal belongs to; none for a service or a federated session. */
    public static Optional<AccountId> account(Principal principal) {
        return switch (principal) {
            case Principal.Account account -> Optional.of(account.account());
            case Principal.RamUser user -> Optional.of(user.account());
            case Principal.RoleSession session -> Optional.of(session.account());
            case Principal.Service service -> Optional.empty();
            case Principal.FederatedSession federated -> Optional.empty();
        };
    }
}
