package dev.berth.server.rpc.ram;

import static dev.berth.iam.policy.Attachment.PrincipalType.Group;
import static dev.berth.iam.policy.Attachment.PrincipalType.Role;
import static dev.berth.iam.policy.Attachment.PrincipalType.User;

import dev.berth.iam.service.Attachments;
import dev.berth.iam.service.Policies;
import dev.berth.iam.policy.Attachment;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Attaching policies to users and roles, detaching them, and listing them; attaching is authorized on
 * both the principal and the policy, and takes {@code ResourceGroupId} for resource-group scope.
 */
public final class AttachmentActions {
    private final Attachments attachments;
    private final Policies policies;

    public AttachmentActions(Attachments attachments, Policies policies) {
        this.attachments = Objects.requireNonNull(attachments, "attachments");
        this.policies = Objects.requireNonNull(policies, "policies");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorizedOnEach(Product.RAM, "AttachPolicyToUser", call -> principalAndPolicy(call, User), call -> attach(call, User)),
                RpcRoute.authorizedOnEach(Product.RAM, "DetachPolicyFromUser", call -> principalAndPolicy(call, User), call -> detach(call, User)),
                RpcRoute.authorized(Product.RAM, "ListPoliciesForUser", call -> principal(call, User), call -> list(call, User)),
                RpcRoute.authorizedOnEach(Product.RAM, "AttachPolicyToRole", call -> principalAndPolicy(call, Role), call -> attach(call, Role)),
                RpcRoute.authorizedOnEach(Product.RAM, "DetachPolicyFromRole", call -> principalAndPolicy(call, Role), call -> detach(call, Role)),
                RpcRoute.authorized(Product.RAM, "ListPoliciesForRole", call -> principal(call, Role), call -> list(call, Role)),
                RpcRoute.authorizedOnEach(Product.RAM, "AttachPolicyToGroup", call -> principalAndPolicy(call, Group), call -> attach(call, Group)),
                RpcRoute.authorizedOnEach(Product.RAM, "DetachPolicyFromGroup", call -> principalAndPolicy(call, Group), call -> detach(call, Group)),
                RpcRoute.authorized(Product.RAM, "ListPoliciesForGroup", call -> principal(call, Group), call -> list(call, Group)));
    }

    private RpcAnswer attach(RpcCall call, Attachment.PrincipalType type) {
        attachments.attach(RamParameters.account(call), PolicyActions.type(call), call.required("PolicyName"), type,
                principalName(call, type), group(call), call.receivedAt());
        return RpcAnswer.builder().build();
    }

    private RpcAnswer detach(RpcCall call, Attachment.PrincipalType type) {
        attachments.detach(RamParameters.account(call), PolicyActions.type(call), call.required("PolicyName"), type,
                principalName(call, type), group(call));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer list(RpcCall call, Attachment.PrincipalType type) {
        List<Map<String, Object>> listed = attachments.of(RamParameters.account(call), type, principalName(call, type)).stream()
                .map(attachment -> PolicyAnswers.attached(attachment, policies.find(RamParameters.account(call),
                        attachment.policyType(), attachment.policyName())))
                .toList();
        return RpcAnswer.builder().put("Policies", Map.of("Policy", listed)).build();
    }

    private static Optional<ResourceGroupId> group(RpcCall call) {
        return call.nonEmpty("ResourceGroupId").map(ResourceGroupId::new);
    }

    private static String principalName(RpcCall call, Attachment.PrincipalType type) {
        return switch (type) {
            case User -> RamParameters.userName(call, "UserName").value();
            case Role -> call.required("RoleName");
            case Group -> call.required("GroupName");
        };
    }

    private static ResourceArn principal(RpcCall call, Attachment.PrincipalType type) {
        return ResourceArn.of("acs:ram:*:" + RamParameters.account(call) + ":" + type.name().toLowerCase(Locale.ROOT) + "/"
                + principalName(call, type));
    }

    private static List<ResourceArn> principalAndPolicy(RpcCall call, Attachment.PrincipalType type) {
        return List.of(principal(call, type), PolicyActions.resource(call));
    }
}
