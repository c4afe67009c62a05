package dev.berth.server.rpc.cr;

import dev.berth.registry.instance.Instance;
import dev.berth.registry.manage.Instances;
import dev.berth.registry.manage.Namespaces;
import dev.berth.registry.repository.Namespace;
import dev.berth.registry.repository.RepoType;
import dev.berth.server.registry.RegistryArns;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import dev.berth.policy.value.ResourceArn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The namespace actions of the Container Registry API (registry.md section 5), each on the namespace's ARN. */
public final class CrNamespaceActions {
    private final Instances instances;
    private final Namespaces namespaces;
    private final RegistryArns arns;

    public CrNamespaceActions(Instances instances, Namespaces namespaces, RegistryArns arns) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.arns = Objects.requireNonNull(arns, "arns");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "CreateNamespace", this::namespaceArn, this::create),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "GetNamespace", this::namespaceArn, this::get),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "UpdateNamespace", this::namespaceArn, this::update),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "DeleteNamespace", this::namespaceArn, this::delete),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "ListNamespace",
                        call -> arns.allRepositories(call.callerAccount(), CrParameters.instanceId(call)), this::list));
    }

    private ResourceArn namespaceArn(RpcCall call) {
        return arns.namespace(call.callerAccount(), CrParameters.instanceId(call), CrParameters.namespace(call, "NamespaceName"));
    }

    private RpcAnswer create(RpcCall call) {
        namespaces.create(call.callerAccount(), CrParameters.instanceId(call), CrParameters.namespace(call, "NamespaceName"),
                CrParameters.bool(call, "AutoCreateRepo").orElse(true),
                CrParameters.repoType(call, "DefaultRepoType").orElse(RepoType.PRIVATE), call.receivedAt());
        return CrParameters.success().build();
    }

    private RpcAnswer get(RpcCall call) {
        Instance instance = instances.find(call.callerAccount(), CrParameters.instanceId(call));
        Namespace namespace = namespaces.find(call.callerAccount(), instance.id(), CrParameters.namespace(call, "NamespaceName"));
        RpcAnswer.Builder answer = CrParameters.success();
        answer(instance, namespace).forEach(answer::put);
        return answer.build();
    }

    private RpcAnswer update(RpcCall call) {
        namespaces.update(call.callerAccount(), CrParameters.instanceId(call), CrParameters.namespace(call, "NamespaceName"),
                CrParameters.bool(call, "AutoCreateRepo"), CrParameters.repoType(call, "DefaultRepoType"));
        return CrParameters.success().build();
    }

    private RpcAnswer delete(RpcCall call) {
        namespaces.delete(call.callerAccount(), CrParameters.instanceId(call), CrParameters.namespace(call, "NamespaceName"));
        return CrParameters.success().build();
    }

    private RpcAnswer list(RpcCall call) {
        Instance instance = instances.find(call.callerAccount(), CrParameters.instanceId(call));
        int pageNo = CrParameters.pageNo(call);
        int pageSize = CrParameters.pageSize(call);
        List<Namespace> all = namespaces.list(call.callerAccount(), instance.id()).stream()
                .filter(namespace -> call.nonEmpty("NamespaceName").map(name -> namespace.name().value().contains(name)).orElse(true))
                .toList();
        List<Map<String, Object>> page = all.stream().skip((long) (pageNo - 1) * pageSize).limit(pageSize)
                .map(namespace -> answer(instance, namespace)).toList();
        return CrParameters.success().put("PageNo", pageNo).put("PageSize", pageSize).put("TotalCount", String.valueOf(all.size()))
                .put("Namespaces", page).build();
    }

    private static Map<String, Object> answer(Instance instance, Namespace namespace) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("InstanceId", instance.id().value());
        fields.put("NamespaceId", namespace.id().value());
        fields.put("NamespaceName", namespace.name().value());
        fields.put("NamespaceStatus", "NORMAL");
        fields.put("AutoCreateRepo", namespace.autoCreateRepo());
        fields.put("DefaultRepoType", namespace.defaultRepoType().name());
        fields.put("ResourceGroupId", instance.resourceGroup().value());
        return fields;
    }
}
