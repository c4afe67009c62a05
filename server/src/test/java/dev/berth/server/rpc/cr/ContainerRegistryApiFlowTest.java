package dev.berth.server.rpc.cr;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.cr20181201.Client;
import com.aliyun.cr20181201.models.CreateNamespaceRequest;
import com.aliyun.cr20181201.models.CreateRepositoryRequest;
import com.aliyun.cr20181201.models.DeleteNamespaceRequest;
import com.aliyun.cr20181201.models.DeleteRepositoryRequest;
import com.aliyun.cr20181201.models.GetNamespaceRequest;
import com.aliyun.cr20181201.models.GetNamespaceResponseBody;
import com.aliyun.cr20181201.models.GetRepositoryRequest;
import com.aliyun.cr20181201.models.GetRepositoryResponseBody;
import com.aliyun.cr20181201.models.ListInstanceRequest;
import com.aliyun.cr20181201.models.ListInstanceResponseBody;
import com.aliyun.cr20181201.models.ListNamespaceRequest;
import com.aliyun.cr20181201.models.ListNamespaceResponseBody;
import com.aliyun.cr20181201.models.ListRepoTagRequest;
import com.aliyun.cr20181201.models.ListRepositoryRequest;
import com.aliyun.cr20181201.models.ListRepositoryResponseBody;
import com.aliyun.cr20181201.models.UpdateNamespaceRequest;
import com.aliyun.cr20181201.models.UpdateRepositoryRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.ram20150501.models.DetachPolicyFromUserRequest;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Container Registry API (registry.md section 5) driven by Alibaba's {@code cr20181201} SDK: the
 * Personal Edition instance made at the first start, namespaces and repositories with their quotas, and
 * RAM users allowed exactly what seed 002's policies grant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContainerRegistryApiFlowTest {
    @TempDir
    static Path folder;
    private static TestServers.Started started;
    private static Client account;
    private static com.aliyun.ram20150501.Client ram;
    private static String personal;

    abstract TestServers.Backend backend();

    @BeforeAll
    void start() throws Exception {
        started = TestServers.start(folder, backend());
        account = cr(started.accessKeyId(), started.accessKeySecret());
        ram = new com.aliyun.ram20150501.Client(SdkCalls.config(started.endpoint(), started.accessKeyId(), started.accessKeySecret(), null));
        ListInstanceResponseBody instances = account.listInstance(new ListInstanceRequest()).getBody();
        personal = instances.getInstances().stream().filter(i -> i.getInstanceSpecification().equals("Personal")).findFirst()
                .orElseThrow().getInstanceId();
    }

    @AfterAll
    void stop() throws Exception {
        started.close();
    }

    private Client cr(String accessKeyId, String secret) throws Exception {
        return new Client(SdkCalls.config(started.endpoint(), accessKeyId, secret, null));
    }

    @Test
    void theFirstStartMadeAPersonalInstanceWithTheLibraryNamespace() throws Exception {
        assertThat(personal).matches("crpi-[a-z0-9]{16}");
        GetNamespaceResponseBody library = account.getNamespace(new GetNamespaceRequest().setInstanceId(personal)
                .setNamespaceName("library")).getBody();
        assertThat(library.getIsSuccess()).isTrue();
        assertThat(library.getCode()).isEqualTo("success");
        assertThat(library.getAutoCreateRepo()).isTrue();
        assertThat(library.getDefaultRepoType()).isEqualTo("PRIVATE");
        assertThat(library.getNamespaceId()).matches("crn-[a-z0-9]{16}");
    }

    @Test
    void namespacesAndRepositoriesAreMadeChangedListedAndDeleted() throws Exception {
        account.createNamespace(new CreateNamespaceRequest().setInstanceId(personal).setNamespaceName("juzhong")
                .setAutoCreateRepo(false).setDefaultRepoType("PUBLIC"));
        account.updateNamespace(new UpdateNamespaceRequest().setInstanceId(personal).setNamespaceName("juzhong").setAutoCreateRepo(true));
        assertThat(account.getNamespace(new GetNamespaceRequest().setInstanceId(personal).setNamespaceName("juzhong")).getBody()
                .getAutoCreateRepo()).isTrue();
        assertThat(SdkCalls.refusal(() -> account.createNamespace(new CreateNamespaceRequest().setInstanceId(personal)
                .setNamespaceName("juzhong")))).isEqualTo("EntityAlreadyExists.Registry");

        String repoId = account.createRepository(new CreateRepositoryRequest().setInstanceId(personal).setRepoNamespaceName("juzhong")
                .setRepoName("team/nginx").setRepoType("PRIVATE").setSummary("the web server")).getBody().getRepoId();
        assertThat(repoId).matches("crr-[a-z0-9]{16}");
        GetRepositoryResponseBody repository = account.getRepository(new GetRepositoryRequest().setInstanceId(personal).setRepoId(repoId))
                .getBody();
        assertThat(repository.getRepoName()).isEqualTo("team/nginx");
        assertThat(repository.getRepoNamespaceName()).isEqualTo("juzhong");
        assertThat(repository.getSummary()).isEqualTo("the web server");
        account.updateRepository(new UpdateRepositoryRequest().setInstanceId(personal).setRepoId(repoId).setTagImmutability(true)
                .setRepoType("PUBLIC"));
        GetRepositoryResponseBody changed = account.getRepository(new GetRepositoryRequest().setInstanceId(personal)
                .setRepoNamespaceName("juzhong").setRepoName("team/nginx")).getBody();
        assertThat(changed.getTagImmutability()).isTrue();
        assertThat(changed.getRepoType()).isEqualTo("PUBLIC");

        ListRepositoryResponseBody listed = account.listRepository(new ListRepositoryRequest().setInstanceId(personal)
                .setRepoNamespaceName("juzhong").setPageSize(10)).getBody();
        assertThat(listed.getTotalCount()).isEqualTo("1");
        assertThat(listed.getRepositories()).extracting(r -> r.getRepoId()).containsExactly(repoId);
        assertThat(account.listRepoTag(new ListRepoTagRequest().setInstanceId(personal).setRepoId(repoId)).getBody().getTotalCount())
                .isEqualTo("0");

        account.deleteRepository(new DeleteRepositoryRequest().setInstanceId(personal).setRepoId(repoId));
        assertThat(SdkCalls.refusal(() -> account.getRepository(new GetRepositoryRequest().setInstanceId(personal).setRepoId(repoId))))
                .isEqualTo("EntityNotExist.Repository");
        account.deleteNamespace(new DeleteNamespaceRequest().setInstanceId(personal).setNamespaceName("juzhong"));
        ListNamespaceResponseBody namespaces = account.listNamespace(new ListNamespaceRequest().setInstanceId(personal)).getBody();
        assertThat(namespaces.getNamespaces()).extracting(n -> n.getNamespaceName()).doesNotContain("juzhong");
    }

    @Test
    void thePersonalEditionHoldsThreeNamespacesAtMost() throws Exception {
        List<String> made = List.of("quota-a", "quota-b");
        for (String name : made) {
            account.createNamespace(new CreateNamespaceRequest().setInstanceId(personal).setNamespaceName(name));
        }
        try {
            assertThat(SdkCalls.refusal(() -> account.createNamespace(new CreateNamespaceRequest().setInstanceId(personal)
                    .setNamespaceName("quota-c")))).isEqualTo("LimitExceeded.Registry");
        } finally {
            for (String name : made) {
                account.deleteNamespace(new DeleteNamespaceRequest().setInstanceId(personal).setNamespaceName(name));
            }
        }
    }

    @Test
    void aRamUserMayListTheNamespacesOnlyOnceSeed002sConsoleStatementIsAttached() throws Exception {
        ram.createUser(new CreateUserRequest().setUserName("viewer"));
        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key = ram.createAccessKey(new CreateAccessKeyRequest()
                .setUserName("viewer")).getBody().getAccessKey();
        Client viewer = cr(key.getAccessKeyId(), key.getAccessKeySecret());
        assertThat(SdkCalls.refusal(() -> viewer.listNamespace(new ListNamespaceRequest().setInstanceId(personal))))
                .isEqualTo("NoPermission");
        ram.createPolicy(new CreatePolicyRequest().setPolicyName("console-visibility").setPolicyDocument("""
                {"Statement": [{"Action": ["cr:ListNamespace", "cr:ListRepository"], "Effect": "Allow", "Resource": ["*"]}],
                 "Version": "1"}"""));
        ram.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("Custom").setPolicyName("console-visibility")
                .setUserName("viewer"));
        assertThat(viewer.listNamespace(new ListNamespaceRequest().setInstanceId(personal)).getBody().getNamespaces())
                .extracting(n -> n.getNamespaceName()).contains("library");
        assertThat(SdkCalls.refusal(() -> viewer.createNamespace(new CreateNamespaceRequest().setInstanceId(personal)
                .setNamespaceName("sneaky")))).isEqualTo("NoPermission");
        ram.detachPolicyFromUser(new DetachPolicyFromUserRequest().setPolicyType("Custom").setPolicyName("console-visibility")
                .setUserName("viewer"));
        assertThat(SdkCalls.refusal(() -> viewer.listNamespace(new ListNamespaceRequest().setInstanceId(personal))))
                .isEqualTo("NoPermission");
    }
}
