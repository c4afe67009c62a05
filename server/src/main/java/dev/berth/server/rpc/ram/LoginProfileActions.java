package dev.berth.server.rpc.ram;

import dev.berth.iam.service.LoginProfiles;
import dev.berth.iam.user.LoginProfile;
import dev.berth.iam.value.UserName;
import dev.berth.policy.principal.Principal;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;
import dev.berth.server.rpc.RpcRoute;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Login profiles of RAM users, and {@code ChangePassword}, which a user calls for itself with no
 * policy needed (its old password is the proof).
 */
public final class LoginProfileActions {
    private final LoginProfiles profiles;

    public LoginProfileActions(LoginProfiles profiles) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "CreateLoginProfile", call -> RamParameters.userResource(call, "UserName"), this::create),
                RpcRoute.authorized(Product.RAM, "GetLoginProfile", call -> RamParameters.userResource(call, "UserName"), this::get),
                RpcRoute.authorized(Product.RAM, "UpdateLoginProfile", call -> RamParameters.userResource(call, "UserName"), this::update),
                RpcRoute.authorized(Product.RAM, "DeleteLoginProfile", call -> RamParameters.userResource(call, "UserName"), this::delete),
                RpcRoute.open("ChangePassword", this::changePassword));
    }

    private RpcAnswer create(RpcCall call) {
        LoginProfile profile = profiles.create(RamParameters.account(call), RamParameters.userName(call, "UserName"),
                call.required("Password"), flag(call, "PasswordResetRequired").orElse(false), flag(call, "MFABindRequired").orElse(false),
                call.receivedAt());
        return RpcAnswer.builder().put("LoginProfile", answer(profile)).build();
    }

    private RpcAnswer get(RpcCall call) {
        return RpcAnswer.builder()
                .put("LoginProfile", answer(profiles.find(RamParameters.account(call), RamParameters.userName(call, "UserName"))))
                .build();
    }

    private RpcAnswer update(RpcCall call) {
        LoginProfile profile = profiles.update(RamParameters.account(call), RamParameters.userName(call, "UserName"),
                call.nonEmpty("Password"), flag(call, "PasswordResetRequired"), flag(call, "MFABindRequired"));
        return RpcAnswer.builder().put("LoginProfile", answer(profile)).build();
    }

    private RpcAnswer delete(RpcCall call) {
        profiles.delete(RamParameters.account(call), RamParameters.userName(call, "UserName"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer changePassword(RpcCall call) {
        if (!(call.caller() instanceof Principal.RamUser user)) {
            throw RpcException.of(RpcErrorCode.NO_PERMISSION, "only a RAM user changes its own console password");
        }
        profiles.changePassword(user.account(), new UserName(user.name()), call.required("OldPassword"), call.required("NewPassword"),
                call.receivedAt());
        return RpcAnswer.builder().build();
    }

    private static Optional<Boolean> flag(RpcCall call, String name) {
        return call.nonEmpty(name).map(value -> switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, name, "`" + name + "` must be `true` or `false`");
        });
    }

    private static Map<String, Object> answer(LoginProfile profile) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("UserName", profile.userName());
        fields.put("PasswordResetRequired", profile.passwordResetRequired());
        fields.put("MFABindRequired", profile.mfaBindRequired());
        fields.put("CreateDate", RamAnswers.date(profile.createdAt()));
        return fields;
    }
}
