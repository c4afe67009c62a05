package dev.berth.server.rpc.ram;

import dev.berth.iam.role.Role;
import dev.berth.iam.service.Roles;
import dev.berth.policy.value.ResourceArn;
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

/** RAM {@code CreateRole}, {@code GetRole}, {@code UpdateRole}, {@code DeleteRole}, {@code ListRoles}. */
public final class RoleActions {
    private final Roles roles;

    public RoleActions(Roles roles) {
        this.roles = Objects.requireNonNull(roles, "roles");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "CreateRole", RoleActions::resource, this::create),
                RpcRoute.authorized(Product.RAM, "GetRole", RoleActions::resource, this::get),
                RpcRoute.authorized(Product.RAM, "UpdateRole", RoleActions::resource, this::update),
                RpcRoute.authorized(Product.RAM, "DeleteRole", RoleActions::resource, this::delete),
                RpcRoute.authorized(Product.RAM, "ListRoles", RamParameters::accountResource, this::list));
    }

    private RpcAnswer create(RpcCall call) {
        Role role = roles.create(RamParameters.account(call), call.required("RoleName"), call.required("AssumeRolePolicyDocument"),
                call.nonEmpty("Description").orElse(""), seconds(call, "MaxSessionDuration"), call.receivedAt());
        return RpcAnswer.builder().put("Role", answer(role)).build();
    }

    private RpcAnswer get(RpcCall call) {
        return RpcAnswer.builder().put("Role", answer(roles.find(RamParameters.account(call), call.required("RoleName")))).build();
    }

    private RpcAnswer update(RpcCall call) {
        Role role = roles.update(RamParameters.account(call), call.required("RoleName"), call.nonEmpty("NewAssumeRolePolicyDocument"),
                call.nonEmpty("NewDescription"), seconds(call, "NewMaxSessionDuration"), call.receivedAt());
        return RpcAnswer.builder().put("Role", answer(role)).build();
    }

    private RpcAnswer delete(RpcCall call) {
        roles.delete(RamParameters.account(call), call.required("RoleName"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer list(RpcCall call) {
        return Pages.answer(call, roles.list(RamParameters.account(call)), Role::name, RoleActions::answer, "Roles", "Role");
    }

    private static Optional<Integer> seconds(RpcCall call, String parameter) {
        Optional<String> value = call.nonEmpty(parameter);
        try {
            return value.map(Integer::valueOf);
        } catch (NumberFormatException e) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, parameter, "`" + parameter + "` must be a number of seconds");
        }
    }

    private static ResourceArn resource(RpcCall call) {
        return ResourceArn.of("acs:ram:*:" + RamParameters.account(call) + ":role/" + call.required("RoleName"));
    }

    static Map<String, Object> answer(Role role) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("RoleId", role.id());
        fields.put("RoleName", role.name());
        fields.put("Arn", role.arn());
        fields.put("Description", role.description());
        fields.put("AssumeRolePolicyDocument", role.trustPolicy());
        fields.put("MaxSessionDuration", role.maxSessionDuration());
        fields.put("CreateDate", RamAnswers.date(role.createdAt()));
        fields.put("UpdateDate", RamAnswers.date(role.updatedAt()));
        return fields;
    }
}
