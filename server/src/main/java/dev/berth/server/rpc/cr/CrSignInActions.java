package dev.berth.server.rpc.cr;

import dev.berth.iam.service.RegistryPasswords;
import dev.berth.registry.manage.Instances;
import dev.berth.server.registry.RegistryArns;
import dev.berth.server.registry.auth.SignInRefusedException;
import dev.berth.server.registry.auth.TemporaryTokens;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;
import dev.berth.server.rpc.RpcRoute;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * Signing in to the registry through the API (registry.md sections 4 and 5): {@code GetAuthorizationToken}
 * hands out a temporary password for {@code cr_temp_user} carrying the caller's identity;
 * {@code ResetLoginPassword} sets the caller's own registry password, with no policy needed.
 */
public final class CrSignInActions {
    private final Instances instances;
    private final TemporaryTokens temporaryTokens;
    private final RegistryPasswords passwords;
    private final RegistryArns arns;

    public CrSignInActions(Instances instances, TemporaryTokens temporaryTokens, RegistryPasswords passwords, RegistryArns arns) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.temporaryTokens = Objects.requireNonNull(temporaryTokens, "temporaryTokens");
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.arns = Objects.requireNonNull(arns, "arns");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "GetAuthorizationToken", call -> arns.any(), this::authorizationToken),
                RpcRoute.open("ResetLoginPassword", this::resetPassword));
    }

    private RpcAnswer authorizationToken(RpcCall call) {
        call.nonEmpty("InstanceId").ifPresent(id -> instances.find(call.callerAccount(), CrParameters.instanceId(call)));
        try {
            TemporaryTokens.Issued issued = temporaryTokens.issue(call.caller(), call.accessKeyId(), call.receivedAt());
            return CrParameters.success().put("TempUsername", issued.userName()).put("AuthorizationToken", issued.token())
                    .put("ExpireTime", issued.expiresAt().toEpochMilli()).build();
        } catch (SignInRefusedException e) {
            throw RpcException.of(RpcErrorCode.NO_PERMISSION, e.getMessage());
        }
    }

    private RpcAnswer resetPassword(RpcCall call) {
        call.nonEmpty("InstanceId").ifPresent(id -> instances.find(call.callerAccount(), CrParameters.instanceId(call)));
        passwords.setOwn(call.caller(), call.required("Password"));
        return CrParameters.success().build();
    }
}
