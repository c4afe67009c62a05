package dev.berth.server.rpc.ram;

import dev.berth.iam.policy.Attachment;
import dev.berth.iam.policy.PolicyType;
import dev.berth.iam.policy.PolicyVersion;
import dev.berth.iam.policy.PolicyView;
import dev.berth.iam.service.Policies;
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

/** RAM policy actions: create, read, list, delete, and the versions of custom policies. */
public final class PolicyActions {
    private final Policies policies;

    public PolicyActions(Policies policies) {
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RAM, "CreatePolicy", PolicyActions::customResource, this::create),
                RpcRoute.authorized(Product.RAM, "GetPolicy", PolicyActions::resource, this::get),
                RpcRoute.authorized(Product.RAM, "ListPolicies", RamParameters::accountResource, this::list),
                RpcRoute.authorized(Product.RAM, "DeletePolicy", PolicyActions::customResource, this::delete),
                RpcRoute.authorized(Product.RAM, "CreatePolicyVersion", PolicyActions::customResource, this::createVersion),
                RpcRoute.authorized(Product.RAM, "GetPolicyVersion", PolicyActions::resource, this::getVersion),
                RpcRoute.authorized(Product.RAM, "ListPolicyVersions", PolicyActions::resource, this::listVersions),
                RpcRoute.authorized(Product.RAM, "SetDefaultPolicyVersion", PolicyActions::customResource, this::setDefault),
                RpcRoute.authorized(Product.RAM, "DeletePolicyVersion", PolicyActions::customResource, this::deleteVersion),
                RpcRoute.authorized(Product.RAM, "UpdatePolicyDescription", PolicyActions::customResource, this::updateDescription),
                RpcRoute.authorized(Product.RAM, "ListEntitiesForPolicy", PolicyActions::resource, this::listEntities));
    }

    private RpcAnswer create(RpcCall call) {
        PolicyView policy = policies.create(RamParameters.account(call), call.required("PolicyName"), call.required("PolicyDocument"),
                call.nonEmpty("Description").orElse(""), call.receivedAt());
        return RpcAnswer.builder().put("Policy", PolicyAnswers.policy(policy)).build();
    }

    private RpcAnswer get(RpcCall call) {
        PolicyView policy = policies.find(RamParameters.account(call), type(call), call.required("PolicyName"));
        PolicyVersion defaultVersion = policies.versions(RamParameters.account(call), policy.type(), policy.name()).stream()
                .filter(version -> version.versionId().equals(policy.defaultVersion())).findFirst().orElseThrow();
        return RpcAnswer.builder()
                .put("Policy", PolicyAnswers.policy(policy))
                .put("DefaultPolicyVersion", PolicyAnswers.version(defaultVersion, policy.defaultVersion()))
                .build();
    }

    private RpcAnswer list(RpcCall call) {
        Optional<PolicyType> type = call.nonEmpty("PolicyType").map(PolicyActions::type);
        return Pages.answer(call, policies.list(RamParameters.account(call), type), PolicyView::name, PolicyAnswers::policy,
                "Policies", "Policy");
    }

    private RpcAnswer delete(RpcCall call) {
        policies.delete(RamParameters.account(call), call.required("PolicyName"),
                call.nonEmpty("CascadingDelete").map(Boolean::parseBoolean).orElse(false));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer createVersion(RpcCall call) {
        String strategy = call.nonEmpty("RotateStrategy").orElse("None");
        if (!strategy.equals("None") && !strategy.equals("DeleteOldestNonDefaultVersionWhenLimitExceeded")) {
            throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, "RotateStrategy",
                    "`RotateStrategy` must be `None` or `DeleteOldestNonDefaultVersionWhenLimitExceeded`, got `" + strategy + "`");
        }
        boolean setAsDefault = call.nonEmpty("SetAsDefault").map(Boolean::parseBoolean).orElse(false);
        PolicyVersion version = policies.createVersion(RamParameters.account(call), call.required("PolicyName"),
                call.required("PolicyDocument"), setAsDefault, !strategy.equals("None"), call.receivedAt());
        return RpcAnswer.builder()
                .put("PolicyVersion", PolicyAnswers.version(version, setAsDefault ? version.versionId() : ""))
                .build();
    }

    private RpcAnswer getVersion(RpcCall call) {
        String name = call.required("PolicyName");
        String versionId = call.required("VersionId");
        PolicyView policy = policies.find(RamParameters.account(call), type(call), name);
        PolicyVersion version = policies.versions(RamParameters.account(call), policy.type(), name).stream()
                .filter(candidate -> candidate.versionId().equals(versionId)).findFirst()
                .orElseThrow(() -> RpcException.of(RpcErrorCode.ENTITY_NOT_EXIST, "Policy.Version",
                        "policy `" + name + "` has no version `" + versionId + "`"));
        return RpcAnswer.builder().put("PolicyVersion", PolicyAnswers.version(version, policy.defaultVersion())).build();
    }

    private RpcAnswer listVersions(RpcCall call) {
        PolicyView policy = policies.find(RamParameters.account(call), type(call), call.required("PolicyName"));
        List<Map<String, Object>> versions = policies.versions(RamParameters.account(call), policy.type(), policy.name()).stream()
                .map(version -> PolicyAnswers.version(version, policy.defaultVersion())).toList();
        return RpcAnswer.builder().put("PolicyVersions", Map.of("PolicyVersion", versions)).build();
    }

    private RpcAnswer setDefault(RpcCall call) {
        policies.setDefaultVersion(RamParameters.account(call), call.required("PolicyName"), call.required("VersionId"),
                call.receivedAt());
        return RpcAnswer.builder().build();
    }

    private RpcAnswer deleteVersion(RpcCall call) {
        policies.deleteVersion(RamParameters.account(call), call.required("PolicyName"), call.required("VersionId"));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer updateDescription(RpcCall call) {
        PolicyView policy = policies.updateDescription(RamParameters.account(call), call.required("PolicyName"),
                call.nonEmpty("NewDescription").orElse(""), call.receivedAt());
        return RpcAnswer.builder().put("Policy", PolicyAnswers.policy(policy)).build();
    }

    private RpcAnswer listEntities(RpcCall call) {
        List<Attachment> attachments = policies.attachmentsOf(RamParameters.account(call), type(call), call.required("PolicyName"));
        return RpcAnswer.builder()
                .put("Users", Map.of("User", entities(attachments, Attachment.PrincipalType.User, "UserName")))
                .put("Groups", Map.of("Group", entities(attachments, Attachment.PrincipalType.Group, "GroupName")))
                .put("Roles", Map.of("Role", entities(attachments, Attachment.PrincipalType.Role, "RoleName")))
                .build();
    }

    private static List<Map<String, Object>> entities(List<Attachment> attachments, Attachment.PrincipalType type, String field) {
        return attachments.stream().filter(attachment -> attachment.principalType() == type).map(attachment -> {
            Map<String, Object> entity = new LinkedHashMap<>();
            entity.put(field, attachment.principalName());
            entity.put("AttachDate", RamAnswers.date(attachment.attachedAt()));
            attachment.resourceGroup().ifPresent(group -> entity.put("ResourceGroupId", group));
            return entity;
        }).toList();
    }

    static PolicyType type(RpcCall call) {
        return type(call.required("PolicyType"));
    }

    static PolicyType type(String value) {
        return switch (value) {
            case "System" -> PolicyType.System;
            case "Custom" -> PolicyType.Custom;
            default -> throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, "PolicyType",
                    "`PolicyType` must be `System` or `Custom`, got `" + value + "`");
        };
    }

    /** {@code acs:ram:*:<uid>:policy/<name>}, or {@code acs:ram:*:system:policy/<name>} for a system policy. */
    static ResourceArn resource(RpcCall call) {
        String name = call.required("PolicyName");
        boolean system = call.nonEmpty("PolicyType").map(value -> type(value) == PolicyType.System).orElse(false);
        return ResourceArn.of("acs:ram:*:" + (system ? "system" : RamParameters.account(call).value()) + ":policy/" + name);
    }

    private static ResourceArn customResource(RpcCall call) {
        return ResourceArn.of("acs:ram:*:" + RamParameters.account(call) + ":policy/" + call.required("PolicyName"));
    }
}
