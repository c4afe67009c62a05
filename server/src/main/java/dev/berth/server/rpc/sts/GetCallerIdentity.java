package dev.berth.server.rpc.sts;

import dev.berth.server.rpc.error.RpcErrorCode;
import dev.berth.policy.principal.Principal;
import dev.berth.server.rpc.RpcAction;
import dev.berth.server.rpc.Principals;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;

/** STS {@code GetCallerIdentity} (iam-api.md section 4): who signed the call; needs no permission. */
public final class GetCallerIdentity implements RpcAction {

    @Override
    public RpcAnswer run(RpcCall call) {
        return switch (call.caller()) {
            case Principal.Account account -> RpcAnswer.builder()
                    .put("IdentityType", "Account")
                    .put("AccountId", account.account().value())
                    .put("UserId", account.account().value())
                    .put("PrincipalId", account.account().value())
                    .put("Arn", Principals.arn(account))
                    .build();
            case Principal.RamUser user -> RpcAnswer.builder()
                    .put("IdentityType", "RAMUser")
                    .put("AccountId", user.account().value())
                    .put("UserId", user.name())
                    .put("PrincipalId", user.name())
                    .put("Arn", Principals.arn(user))
                    .build();
            case Principal.RoleSession session -> RpcAnswer.builder()
                    .put("IdentityType", "AssumedRoleUser")
                    .put("AccountId", session.account().value())
                    .put("RoleId", session.role())
                    .put("PrincipalId", session.role() + ":" + session.session())
                    .put("Arn", Principals.arn(session))
                    .build();
            case Principal.Service service -> throw RpcException.of(RpcErrorCode.INTERNAL_ERROR, "a service cannot call the API");
            case Principal.FederatedSession federated ->
                    throw RpcException.of(RpcErrorCode.INTERNAL_ERROR, "a federated session cannot call the API");
        };
    }
}
