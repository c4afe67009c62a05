package dev.berth.server.rpc.cr;

import dev.berth.iam.service.ResourceGroups;
import dev.berth.policy.value.ResourceGroupId;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceName;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manage.Instances;
import dev.berth.server.registry.RegistryArns;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcException;
import dev.berth.server.rpc.RpcRoute;
import dev.berth.server.rpc.error.RpcErrorCode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** {@code CreateInstance} (ours), {@code ListInstance} and {@code GetInstance} of the Container Registry API. */
public final class CrInstanceActions {
    private final Instances instances;
    private final ResourceGroups resourceGroups;
    private final RegistryArns arns;

    public CrInstanceActions(Instances instances, ResourceGroups resourceGroups, RegistryArns arns) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.resourceGroups = Objects.requireNonNull(resourceGroups, "resourceGroups");
        this.arns = Objects.requireNonNull(arns, "arns");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "CreateInstance", call -> arns.any(), this::create),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "ListInstance", call -> arns.any(), this::list),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "GetInstance",
                        call -> arns.instance(call.callerAccount(), CrParameters.instanceId(call)), this::get));
    }

    private RpcAnswer create(RpcCall call) {
        InstanceType type = call.nonEmpty("InstanceType").map(CrInstanceActions::type).orElse(InstanceType.Basic);
        Optional<InstanceName> name = call.nonEmpty("InstanceName").map(value -> {
            try {
                return new InstanceName(value);
            } catch (IllegalArgumentException e) {
                throw RpcException.of(RpcErrorCode.INVALID_PARAMETER, "InstanceName", e.getMessage());
            }
        });
        if (name.isEmpty() && !type.isPersonal()) {
            throw RpcException.of(RpcErrorCode.MISSING_PARAMETER, "InstanceName", "parameter `InstanceName` is required");
        }
        ResourceGroupId group = call.nonEmpty("ResourceGroupId")
                .map(id -> resourceGroups.find(call.callerAccount(), new ResourceGroupId(id)).id())
                .orElseGet(() -> resourceGroups.defaultGroup(call.callerAccount(), call.receivedAt()).id());
        Instance instance = instances.create(call.callerAccount(), name, type, group, call.receivedAt());
        return CrParameters.success().put("InstanceId", instance.id().value()).build();
    }

    private RpcAnswer list(RpcCall call) {
        int pageNo = CrParameters.pageNo(call);
        int pageSize = CrParameters.pageSize(call);
        List<Instance> all = instances.list(call.callerAccount()).stream()
                .filter(instance -> call.nonEmpty("InstanceName").map(name -> instance.name().value().contains(name)).orElse(true))
                .filter(instance -> call.nonEmpty("ResourceGroupId").map(id -> instance.resourceGroup().value().equals(id)).orElse(true))
                .toList();
        List<Map<String, Object>> page = all.stream().skip((long) (pageNo - 1) * pageSize).limit(pageSize).map(this::answer).toList();
        return CrParameters.success().put("PageNo", pageNo).put("PageSize", pageSize).put("TotalCount", all.size())
                .put("Instances", page).build();
    }

    private RpcAnswer get(RpcCall call) {
        Instance instance = instances.find(call.callerAccount(), CrParameters.instanceId(call));
        RpcAnswer.Builder answer = CrParameters.success();
        answer(instance).forEach(answer::put);
        return answer.build();
    }

    private Map<String, Object> answer(Instance instance) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("InstanceId", instance.id().value());
        fields.put("InstanceName", instance.name().value());
        fields.put("InstanceSpecification", instance.type().isPersonal() ? "Personal" : "Enterprise_" + instance.type().name());
        fields.put("InstanceStatus", instance.status().name());
        fields.put("RegionId", arns.region());
        fields.put("ResourceGroupId", instance.resourceGroup().value());
        fields.put("CreateTime", instance.createdAt().toEpochMilli());
        fields.put("ModifiedTime", instance.createdAt().toEpochMilli());
        return fields;
    }

    private static InstanceType type(String value) {
        return Arrays.stream(InstanceType.values()).filter(type -> type.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> RpcException.of(RpcErrorCode.INVALID_PARAMETER, "InstanceType",
                        "`InstanceType` must be `Personal`, `Basic`, `Standard` or `Advanced`, got `" + value + "`"));
    }
}
