package dev.berth.server.rpc;

import dev.berth.policy.principal.Principal;

/** The ARNs of principals (iam-api.md section 1). */
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
}
