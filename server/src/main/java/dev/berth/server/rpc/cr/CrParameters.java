package dev.berth.server.rpc.cr;

import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.name.RepositoryPath;
import dev.berth.registry.name.Tag;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.repository.RepositoryId;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Reading the Container Registry API's parameters (registry.md section 5); a bad value is {@code InvalidParameter.<Name>}. */
final class CrParameters {
    static final int MAX_PAGE_SIZE = 100;

    private CrParameters() {
    }

    static InstanceId instanceId(RpcCall call) {
        return parsed(call, "InstanceId", value -> {
            if (!InstanceId.isWellFormed(value)) {
                throw new IllegalArgumentException("`InstanceId` must be `cri-` or `crpi-` and 16 of `a-z0-9`, got `" + value + "`");
            }
            return new InstanceId(value);
        });
    }

    static NamespaceName namespace(RpcCall call, String parameter) {
        return parsed(call, parameter, NamespaceName::new);
    }

    static ImageName imageName(RpcCall call) {
        NamespaceName namespace = namespace(call, "RepoNamespaceName");
        return new ImageName(namespace, parsed(call, "RepoName", RepositoryPath::new));
    }

    static RepositoryId repositoryId(RpcCall call) {
        return parsed(call, "RepoId", value -> {
            if (!RepositoryId.isWellFormed(value)) {
                throw new IllegalArgumentException("`RepoId` must be `crr-` and 16 of `a-z0-9`, got `" + value + "`");
            }
            return new RepositoryId(value);
        });
    }

    static Tag tag(RpcCall call) {
        return parsed(call, "Tag", Tag::new);
    }

    static Optional<RepoType> repoType(RpcCall call, String parameter) {
        return call.nonEmpty(parameter).map(value -> switch (value.toUpperCase(Locale.ROOT)) {
            case "PUBLIC" -> RepoType.PUBLIC;
            case "PRIVATE" -> RepoType.PRIVATE;
            default -> throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, "`" + parameter
                    + "` must be `PUBLIC` or `PRIVATE`, got `" + value + "`");
        });
    }

    static Optional<Boolean> bool(RpcCall call, String parameter) {
        return call.nonEmpty(parameter).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, "`" + parameter
                    + "` must be `true` or `false`, got `" + value + "`");
        });
    }

    static int pageNo(RpcCall call) {
        return number(call, "PageNo", 1, 1, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    }

    static int pageSize(RpcCall call) {
        return number(call, "PageSize", 30, 1, MAX_PAGE_SIZE);
    }

    private static int number(RpcCall call, String parameter, int byDefault, int min, int max) {
        Optional<String> value = call.nonEmpty(parameter);
        if (value.isEmpty()) {
            return byDefault;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, "`" + parameter + "` must be a whole number from " + min
                + " to " + max + ", got `" + value.get() + "`");
    }

    private static <T> T parsed(RpcCall call, String parameter, Function<String, T> parser) {
        String value = call.required(parameter);
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, e.getMessage());
        }
    }

    /** Every answer of the Container Registry API starts with these. */
    static RpcAnswer.Builder success() {
        return RpcAnswer.builder().put("Code", "success").put("IsSuccess", true);
    }
}
