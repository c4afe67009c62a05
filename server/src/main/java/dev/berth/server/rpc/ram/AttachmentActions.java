package dev.berth.server.rpc.ram;

import dev.berth.iam.service.Attachments;
import dev.berth.iam.service.Policies;
import dev.berth.iam.value.UserName;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code AttachPolicyToUser}, {@code DetachPolicyFromUser}, {@code ListPoliciesForUser}; attaching is
 * authorized on both the user and the policy, and takes {@code ResourceGroupId} for resource-group scope.
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
                RpcRoute.authorizedOnEach(Product.RAM, "AttachPolicyToUser", AttachmentActions::userAndPolicy, this::attach),
                RpcRoute.authorizedOnEach(Product.RAM, "DetachPolicyFromUser", AttachmentActions::userAndPolicy, this::detach),
                RpcRoute.authorized(Product.RAM, "ListPoliciesForUser", call -> RamParameters.userResource(call, "UserName"), this::list));
    }

    private RpcAnswer attach(RpcCall call) {
        attachments.attachToUser(RamParameters.account(call), PolicyActions.type(call), call.required("PolicyName"),
                RamParameters.userName(call, "UserName"), group(call), call.receivedAt());
        return RpcAnswer.builder().build();
    }

    private RpcAnswer detach(RpcCall call) {
        attachments.detachFromUser(RamParameters.account(call), PolicyActions.type(call), call.required("PolicyName"),
                RamParameters.userName(call, "UserName"), group(call));
        return RpcAnswer.builder().build();
    }

    private RpcAnswer list(RpcCall call) {
        UserName user = RamParameters.userName(call, "UserName");
        List<Map<String, Object>> listed = attachments.ofUser(RamParameters.account(call), user).stream()
                .map(attachment -> PolicyAnswers.attached(attachment, policies.find(RamParameters.account(call),
                        attachment.policyType(), attachment.policyName())))
                .toList();
        return RpcAnswer.builder().put("Policies", Map.of("Policy", listed)).build();
    }

    private static Optional<ResourceGroupId> group(RpcCall call) {
        return call.nonEmpty("ResourceGroupId").map(ResourceGroupId::new);
    }

    private static List<ResourceArn> userAndPolicy(RpcCall call) {
        return List.of(RamParameters.userResource(call, "UserName"), PolicyActions.resource(call));
    }
}
