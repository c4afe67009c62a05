package dev.berth.server.rpc.ram;

import dev.berth.iam.key.AccessKeyStatus;
import dev.berth.iam.service.UserFields;
import dev.berth.iam.value.AccessKeyId;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceArn;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.util.Optional;

/** Reads and checks the parameters of RAM actions; a bad value answers {@code InvalidParameter.<Name>}. */
final class RamParameters {
    static final int DEFAULT_PAGE = 100;
    static final int MAXIMUM_PAGE = 1000;

    private RamParameters() {
    }

    static UserName userName(RpcCall call, String parameter) {
        return userName(parameter, call.nonEmpty(parameter).orElseThrow(() -> RpcException.of(RpcErrorCode.MISSING_PARAMETER,
                parameter, "parameter `" + parameter + "` is required")));
    }

    static Optional<UserName> optionalUserName(RpcCall call, String parameter) {
        return call.nonEmpty(parameter).map(value -> userName(parameter, value));
    }

    static UserFields fields(RpcCall call, String prefix) {
        return new UserFields(call.nonEmpty(prefix + "DisplayName"), call.nonEmpty(prefix + "Email"),
                call.nonEmpty(prefix + "MobilePhone"), call.nonEmpty(prefix + "Comments"));
    }

    static AccessKeyId accessKeyId(RpcCall call, String parameter) {
        String value = call.nonEmpty(parameter).orElseThrow(() -> RpcException.of(RpcErrorCode.MISSING_PARAMETER, parameter,
                "parameter `" + parameter + "` is required"));
        if (!AccessKeyId.isWellFormed(value)) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, "`" + value + "` is not an AccessKey id");
        }
        return new AccessKeyId(value);
    }

    static AccessKeyStatus status(RpcCall call) {
        String value = call.nonEmpty("Status").orElseThrow(() -> RpcException.of(RpcErrorCode.MISSING_PARAMETER, "Status",
                "parameter `Status` is required"));
        return switch (value) {
            case "Active" -> AccessKeyStatus.Active;
            case "Inactive" -> AccessKeyStatus.Inactive;
            default -> throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, "Status",
                    "`Status` must be `Active` or `Inactive`, got `" + value + "`");
        };
    }

    static int maxItems(RpcCall call) {
        Optional<String> value = call.nonEmpty("MaxItems");
        if (value.isEmpty()) {
            return DEFAULT_PAGE;
        }
        try {
            int items = Integer.parseInt(value.get());
            if (items >= 1 && items <= MAXIMUM_PAGE) {
                return items;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, "MaxItems", "`MaxItems` must be 1 to 1000, got `" + value.get() + "`");
    }

    /** The account the caller belongs to: every RAM action works in it and only in it. */
    static AccountId account(RpcCall call) {
        return call.callerAccount();
    }

    /** {@code acs:ram:*:<uid>:user/<name>} (iam-api.md section 2). */
    static ResourceArn userResource(RpcCall call, String parameter) {
        return ResourceArn.of("acs:ram:*:" + account(call) + ":user/" + userName(call, parameter));
    }

    /** {@code acs:ram:*:<uid>:*}: account settings and lists. */
    static ResourceArn accountResource(RpcCall call) {
        return ResourceArn.of("acs:ram:*:" + account(call) + ":*");
    }

    /** The user named by {@code UserName}, or the account's own resource when it is absent. */
    static ResourceArn userOrAccountResource(RpcCall call) {
        return optionalUserName(call, "UserName").map(name -> ResourceArn.of("acs:ram:*:" + account(call) + ":user/" + name))
                .orElseGet(() -> accountResource(call));
    }

    private static UserName userName(String parameter, String value) {
        try {
            return new UserName(value);
        } catch (IllegalArgumentException e) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter,
                    "`" + parameter + "` must be 1 to 64 of `A-Za-z0-9._-`, got `" + value + "`");
        }
    }
}
