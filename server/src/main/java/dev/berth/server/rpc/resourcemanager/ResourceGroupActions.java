package dev.berth.server.rpc.resourcemanager;

import dev.berth.iam.resourcegroup.ResourceGroup;
import dev.berth.iam.service.ResourceGroups;
import dev.berth.policy.value.AccountId;
import dev.berth.policy.value.ResourceArn;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Resource Manager {@code 2020-03-31}: create, list, get and delete resource groups. */
public final class ResourceGroupActions {
    private final ResourceGroups groups;

    public ResourceGroupActions(ResourceGroups groups) {
        this.groups = Objects.requireNonNull(groups, "groups");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.RESOURCE_MANAGER, "CreateResourceGroup", ResourceGroupActions::accountResource, this::create),
                RpcRoute.authorized(Product.RESOURCE_MANAGER, "ListResourceGroups", ResourceGroupActions::accountResource, this::list),
                RpcRoute.authorized(Product.RESOURCE_MANAGER, "GetResourceGroup", ResourceGroupActions::groupResource, this::get),
                RpcRoute.authorized(Product.RESOURCE_MANAGER, "DeleteResourceGroup", ResourceGroupActions::groupResource, this::delete));
    }

    private RpcAnswer create(RpcCall call) {
        ResourceGroup group = groups.create(account(call), call.required("Name"), call.nonEmpty("DisplayName").orElse(""),
                call.receivedAt());
        return RpcAnswer.builder().put("ResourceGroup", answer(group)).build();
    }

    private RpcAnswer list(RpcCall call) {
        List<Map<String, Object>> listed = groups.list(account(call), call.receivedAt()).stream().map(ResourceGroupActions::answer).toList();
        return RpcAnswer.builder().put("TotalCount", listed.size()).put("PageNumber", 1).put("PageSize", Math.max(listed.size(), 10))
                .put("ResourceGroups", Map.of("ResourceGroup", listed)).build();
    }

    private RpcAnswer get(RpcCall call) {
        return RpcAnswer.builder().put("ResourceGroup", answer(groups.find(account(call), id(call)))).build();
    }

    private RpcAnswer delete(RpcCall call) {
        return RpcAnswer.builder().put("ResourceGroup", answer(groups.delete(account(call), id(call)))).build();
    }

    private static ResourceGroupId id(RpcCall call) {
        return new ResourceGroupId(call.required("ResourceGroupId"));
    }

    private static AccountId account(RpcCall call) {
        return call.callerAccount();
    }

    private static ResourceArn accountResource(RpcCall call) {
        return ResourceArn.of("acs:resourcemanager:*:" + account(call) + ":*");
    }

    private static ResourceArn groupResource(RpcCall call) {
        return ResourceArn.of("acs:resourcemanager:*:" + account(call) + ":resourcegroup/" + call.required("ResourceGroupId"));
    }

    private static Map<String, Object> answer(ResourceGroup group) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Id", group.id().value());
        fields.put("Name", group.name());
        fields.put("DisplayName", group.displayName());
        fields.put("AccountId", group.account().value());
        fields.put("Status", "OK");
        fields.put("CreateDate", DateTimeFormatter.ISO_INSTANT.format(group.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        return fields;
    }
}
