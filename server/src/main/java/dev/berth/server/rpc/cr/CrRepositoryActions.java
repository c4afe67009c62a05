package dev.berth.server.rpc.cr;

import dev.berth.policy.value.ResourceArn;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.manage.Instances;
import dev.berth.registry.manage.Repositories;
import dev.berth.registry.manage.Tags;
import dev.berth.registry.repository.ImageRepository;
import dev.berth.registry.repository.RepoType;
import dev.berth.server.registry.RegistryArns;
import dev.berth.server.rpc.Product;
import dev.berth.server.rpc.RpcAnswer;
import dev.berth.server.rpc.RpcCall;
import dev.berth.server.rpc.RpcRoute;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The repository and tag actions of the Container Registry API (registry.md section 5), each on the
 * repository's ARN; {@code ListRepository} on its namespace's ARN and {@code /*}.
 */
public final class CrRepositoryActions {
    private final Instances instances;
    private final Repositories repositories;
    private final Tags tags;
    private final RegistryArns arns;

    public CrRepositoryActions(Instances instances, Repositories repositories, Tags tags, RegistryArns arns) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.repositories = Objects.requireNonNull(repositories, "repositories");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.arns = Objects.requireNonNull(arns, "arns");
    }

    public List<RpcRoute> routes() {
        return List.of(
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "CreateRepository",
                        call -> arns.repository(call.callerAccount(), CrParameters.instanceId(call), CrParameters.imageName(call)), this::create),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "GetRepository", this::repositoryArn, this::get),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "UpdateRepository", this::repositoryArn, this::update),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "DeleteRepository", this::repositoryArn, this::delete),
                RpcRoute.authorized(Product.CONTAINER_REGISTRY, "ListRepository", this::listArn, this::list),
                new RpcRoute("ListRepoTag", Optional.of(dev.berth.policy.value.ActionName.of("cr:ListRepositoryTag")),
                        call -> List.of(repositoryArn(call)), this::listTags),
                new RpcRoute("GetRepoTag", Optional.of(dev.berth.policy.value.ActionName.of("cr:GetRepositoryTag")),
                        call -> List.of(repositoryArn(call)), this::getTag),
                new RpcRoute("DeleteRepoTag", Optional.of(dev.berth.policy.value.ActionName.of("cr:DeleteRepositoryTag")),
                        call -> List.of(repositoryArn(call)), this::deleteTag));
    }

    /** The repository a call names by {@code RepoId}, or by {@code RepoNamespaceName} and {@code RepoName}. */
    private ImageRepository repository(RpcCall call) {
        InstanceId instance = CrParameters.instanceId(call);
        if (call.nonEmpty("RepoId").isPresent() || call.nonEmpty("RepoName").isEmpty()) {
            return repositories.find(call.callerAccount(), instance, CrParameters.repositoryId(call));
        }
        return repositories.find(call.callerAccount(), instance, CrParameters.imageName(call));
    }

    private ResourceArn repositoryArn(RpcCall call) {
        ImageRepository repository = repository(call);
        return arns.repository(call.callerAccount(), repository.instance(), repository.name());
    }

    private ResourceArn listArn(RpcCall call) {
        InstanceId instance = CrParameters.instanceId(call);
        if (call.nonEmpty("RepoNamespaceName").isEmpty()) {
            return arns.allRepositories(call.callerAccount(), instance);
        }
        return arns.namespaceRepositories(call.callerAccount(), instance, CrParameters.namespace(call, "RepoNamespaceName"));
    }

    private RpcAnswer create(RpcCall call) {
        ImageRepository repository = repositories.create(call.callerAccount(), CrParameters.instanceId(call), CrParameters.imageName(call),
                CrParameters.repoType(call, "RepoType").orElse(RepoType.PRIVATE), call.nonEmpty("Summary").orElse(""),
                CrParameters.bool(call, "TagImmutability").orElse(false), call.receivedAt());
        return CrParameters.success().put("RepoId", repository.id().value()).build();
    }

    private RpcAnswer get(RpcCall call) {
        ImageRepository repository = repository(call);
        Instance instance = instances.find(call.callerAccount(), repository.instance());
        RpcAnswer.Builder answer = CrParameters.success();
        answer(instance, repository).forEach(answer::put);
        return answer.build();
    }

    private RpcAnswer update(RpcCall call) {
        ImageRepository repository = repository(call);
        repositories.update(call.callerAccount(), repository.instance(), repository.name(), new Repositories.Changes(
                CrParameters.repoType(call, "RepoType"), call.optional("Summary"), CrParameters.bool(call, "TagImmutability")),
                call.receivedAt());
        return CrParameters.success().build();
    }

    private RpcAnswer delete(RpcCall call) {
        ImageRepository repository = repository(call);
        repositories.delete(call.callerAccount(), repository.instance(), repository.name());
        return CrParameters.success().build();
    }

    private RpcAnswer list(RpcCall call) {
        Instance instance = instances.find(call.callerAccount(), CrParameters.instanceId(call));
        int pageNo = CrParameters.pageNo(call);
        int pageSize = CrParameters.pageSize(call);
        Repositories.Page page = repositories.list(call.callerAccount(), instance.id(),
                call.nonEmpty("RepoNamespaceName").map(name -> CrParameters.namespace(call, "RepoNamespaceName")), pageNo, pageSize);
        List<Map<String, Object>> listed = page.repositories().stream().map(repository -> answer(instance, repository)).toList();
        return CrParameters.success().put("PageNo", pageNo).put("PageSize", pageSize)
                .put("TotalCount", String.valueOf(page.totalCount())).put("Repositories", listed).build();
    }

    private RpcAnswer listTags(RpcCall call) {
        ImageRepository repository = repository(call);
        int pageNo = CrParameters.pageNo(call);
        int pageSize = CrParameters.pageSize(call);
        Tags.Page page = tags.list(repository, pageNo, pageSize);
        return CrParameters.success().put("PageNo", pageNo).put("PageSize", pageSize)
                .put("TotalCount", String.valueOf(page.totalCount())).put("Images", page.images().stream().map(CrRepositoryActions::answer)
                        .toList()).build();
    }

    private RpcAnswer getTag(RpcCall call) {
        RpcAnswer.Builder answer = CrParameters.success();
        answer(tags.find(repository(call), CrParameters.tag(call))).forEach(answer::put);
        return answer.build();
    }

    private RpcAnswer deleteTag(RpcCall call) {
        tags.delete(repository(call), CrParameters.tag(call));
        return CrParameters.success().build();
    }

    private static Map<String, Object> answer(Tags.TaggedImage image) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Tag", image.entry().tag().value());
        fields.put("Digest", image.entry().digest().hex());
        fields.put("ImageId", image.entry().digest().hex());
        fields.put("ImageSize", image.size());
        fields.put("Status", "NORMAL");
        fields.put("ImageCreate", String.valueOf(image.entry().updatedAt().toEpochMilli()));
        fields.put("ImageUpdate", String.valueOf(image.entry().updatedAt().toEpochMilli()));
        return fields;
    }

    private static Map<String, Object> answer(Instance instance, ImageRepository repository) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("InstanceId", instance.id().value());
        fields.put("RepoId", repository.id().value());
        fields.put("RepoNamespaceName", repository.name().namespace().value());
        fields.put("RepoName", repository.name().repository().value());
        fields.put("RepoType", repository.type().name());
        fields.put("RepoStatus", "NORMAL");
        fields.put("RepoBuildType", "MANUAL");
        fields.put("Summary", repository.summary());
        fields.put("TagImmutability", repository.tagImmutability());
        fields.put("ResourceGroupId", instance.resourceGroup().value());
        fields.put("CreateTime", repository.createdAt().toEpochMilli());
        fields.put("ModifiedTime", repository.modifiedAt().toEpochMilli());
        return fields;
    }
}
