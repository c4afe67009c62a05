package dev.berth.server.registry.e2e;

import com.aliyun.cr20181201.models.CreateNamespaceRequest;
import com.aliyun.cr20181201.models.GetAuthorizationTokenRequest;
import com.aliyun.cr20181201.models.GetAuthorizationTokenResponseBody;
import com.aliyun.cr20181201.models.ListInstanceRequest;
import com.aliyun.cr20181201.models.ListInstanceResponseBody;
import com.aliyun.cr20181201.models.ResetLoginPasswordRequest;
import com.aliyun.ram20150501.models.AttachPolicyToRoleRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyRequest;
import com.aliyun.ram20150501.models.CreateAccessKeyResponseBody;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import com.aliyun.sts20150401.models.AssumeRoleRequest;
import com.aliyun.sts20150401.models.AssumeRoleResponseBody;
import com.aliyuncs.CommonRequest;
import com.aliyuncs.DefaultAcsClient;
import com.aliyuncs.exceptions.ClientException;
import com.aliyuncs.http.MethodType;
import com.aliyuncs.http.ProtocolType;
import com.aliyuncs.profile.DefaultProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.registry.client.Skopeo.Credentials;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The first start's account of a running test server, driven the way its owner would: RAM users with
 * AccessKeys and policies ({@code ram20150501}), namespaces and instances ({@code cr20181201}, and the
 * classic SDK for what the Tea SDKs have no model of: {@code CreateInstance}, resource groups, attachments at
 * a resource group's scope). RAM users set their own registry password with their own AccessKey
 * ({@code ResetLoginPassword}, seed 002's flow) and sign in as {@code <user>@<account id>}.
 */
final class RegistryAccount {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestServers.Started started;
    private final com.aliyun.ram20150501.Client ram;
    private final com.aliyun.cr20181201.Client cr;
    private final ListInstanceResponseBody.ListInstanceResponseBodyInstances personal;

    /** A RAM user and its AccessKey. */
    record UserKey(String userName, String accessKeyId, String accessKeySecret) {
        UserKey {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        }

        @Override
        public String toString() {
            return "UserKey[" + userName + ", " + accessKeyId + ", secret hidden]";
        }
    }

    /** A policy to attach: its {@code PolicyType} and {@code PolicyName}. */
    record Policy(String type, String name) {
        static Policy system(String name) {
            return new Policy("System", name);
        }

        static Policy custom(String name) {
            return new Policy("Custom", name);
        }
    }

    private RegistryAccount(TestServers.Started started) throws Exception {
        this.started = started;
        this.ram = new com.aliyun.ram20150501.Client(SdkCalls.config(started.endpoint(), started.accessKeyId(), started.accessKeySecret(),
                null));
        this.cr = cr(started.accessKeyId(), started.accessKeySecret(), null);
        this.personal = cr.listInstance(new ListInstanceRequest()).getBody().getInstances().stream()
                .filter(instance -> instance.getInstanceSpecification().equals("Personal")).findFirst().orElseThrow();
    }

    static RegistryAccount of(TestServers.Started started) throws Exception {
        return new RegistryAccount(started);
    }

    String id() {
        return started.accountId();
    }

    /** {@code 127.0.0.1:<port>}: the registry's address, which is the API's too. */
    String endpoint() {
        return started.endpoint();
    }

    /** The account's own registry credentials, from the bootstrap file. */
    Credentials credentials() {
        return started.registryCredentials();
    }

    com.aliyun.ram20150501.Client ram() {
        return ram;
    }

    com.aliyun.cr20181201.Client cr() {
        return cr;
    }

    String personalInstance() {
        return personal.getInstanceId();
    }

    /** The resource group of the Personal Edition instance: the account's default group. */
    String personalResourceGroup() {
        return personal.getResourceGroupId();
    }

    /** A {@code cr20181201} client signed with the given key (and STS token, when not null). */
    com.aliyun.cr20181201.Client cr(String accessKeyId, String secret, String securityToken) throws Exception {
        return new com.aliyun.cr20181201.Client(SdkCalls.config(started.endpoint(), accessKeyId, secret, securityToken));
    }

    com.aliyun.cr20181201.Client cr(UserKey key) throws Exception {
        return cr(key.accessKeyId(), key.accessKeySecret(), null);
    }

    /** Creates a RAM user with one AccessKey. */
    UserKey createUser(String name) throws Exception {
        ram.createUser(new CreateUserRequest().setUserName(name));
        CreateAccessKeyResponseBody.CreateAccessKeyResponseBodyAccessKey key = ram.createAccessKey(new CreateAccessKeyRequest()
                .setUserName(name)).getBody().getAccessKey();
        return new UserKey(name, key.getAccessKeyId(), key.getAccessKeySecret());
    }

    void createPolicy(String name, String document) throws Exception {
        ram.createPolicy(new CreatePolicyRequest().setPolicyName(name).setPolicyDocument(document));
    }

    /** Attaches a policy to a user at the account's scope. */
    void attach(Policy policy, UserKey user) throws Exception {
        ram.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType(policy.type()).setPolicyName(policy.name())
                .setUserName(user.userName()));
    }

    /** Attaches a policy to a user at the scope of one resource group. */
    void attachAtResourceGroup(Policy policy, UserKey user, String resourceGroupId) throws ClientException {
        common("2015-05-01", "AttachPolicyToUser", Map.of("PolicyType", policy.type(), "PolicyName", policy.name(),
                "UserName", user.userName(), "ResourceGroupId", resourceGroupId));
    }

    /** Creates a resource group ({@code CreateResourceGroup}) and answers its id. */
    String createResourceGroup(String name) throws ClientException, IOException {
        return JSON.readTree(common("2020-03-31", "CreateResourceGroup", Map.of("Name", name, "DisplayName", name)))
                .at("/ResourceGroup/Id").asText();
    }

    /** Creates an instance ({@code CreateInstance}, ours) and answers its id. */
    String createInstance(String name, String type) throws ClientException, IOException {
        JsonNode answer = JSON.readTree(common("2018-12-01", "CreateInstance", Map.of("InstanceName", name, "InstanceType", type)));
        return answer.get("InstanceId").asText();
    }

    void createNamespace(String instance, String name) throws Exception {
        cr.createNamespace(new CreateNamespaceRequest().setInstanceId(instance).setNamespaceName(name));
    }

    /**
     * The user sets its own registry password with its own AccessKey, as seed 002 says every RAM user
     * must, and answers its registry credentials {@code <user>@<account id>}.
     */
    Credentials registryPassword(UserKey user) throws Exception {
        return registryPassword(user, personalInstance());
    }

    /** The same, naming {@code instance} in {@code ResetLoginPassword}: one password serves every instance. */
    Credentials registryPassword(UserKey user, String instance) throws Exception {
        String password = user.userName() + "-Pw-2026";
        cr(user).resetLoginPassword(new ResetLoginPasswordRequest().setInstanceId(instance).setPassword(password));
        return new Credentials(user.userName() + "@" + id(), password);
    }

    /** A user with one AccessKey allowed to assume roles ({@code AliyunSTSAssumeRoleAccess}). */
    UserKey createRoleAssumer(String name) throws Exception {
        UserKey user = createUser(name);
        attach(Policy.system("AliyunSTSAssumeRoleAccess"), user);
        return user;
    }

    /** {@code GetAuthorizationToken} of the Personal Edition instance, asked with {@code cr}: a temporary registry token. */
    GetAuthorizationTokenResponseBody authorizationToken(com.aliyun.cr20181201.Client cr) throws Exception {
        return cr.getAuthorizationToken(new GetAuthorizationTokenRequest().setInstanceId(personalInstance())).getBody();
    }

    /** A user with one AccessKey, the given policies at the account's scope, and a registry password. */
    Credentials userWith(String name, Policy... policies) throws Exception {
        UserKey user = createUser(name);
        for (Policy policy : policies) {
            attach(policy, user);
        }
        return registryPassword(user);
    }

    /** A role session's STS credentials and when they expire. */
    record SessionKey(String accessKeyId, String accessKeySecret, String securityToken, Instant expiresAt) {
        SessionKey {
            Objects.requireNonNull(accessKeyId, "accessKeyId");
            Objects.requireNonNull(accessKeySecret, "accessKeySecret");
            Objects.requireNonNull(securityToken, "securityToken");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        @Override
        public String toString() {
            return "SessionKey[" + accessKeyId + ", until " + expiresAt + ", secrets hidden]";
        }
    }

    /** A role whose trust policy admits every RAM user and role session of the account ({@code acs:ram::<uid>:root}). */
    void createRoleTrustingTheAccount(String name) throws Exception {
        ram.createRole(new CreateRoleRequest().setRoleName(name).setAssumeRolePolicyDocument(TestPolicies.trustPolicy("acs:ram::" + id() + ":root")));
    }

    String roleArn(String role) {
        return "acs:ram::" + id() + ":role/" + role;
    }

    void attachToRole(Policy policy, String role) throws Exception {
        ram.attachPolicyToRole(new AttachPolicyToRoleRequest().setPolicyType(policy.type()).setPolicyName(policy.name()).setRoleName(role));
    }

    /** {@code user} assumes {@code role} with {@code sts20150401}, for {@code seconds}, narrowed by {@code sessionPolicy} if given. */
    SessionKey assumeRole(UserKey user, String role, String sessionName, long seconds, Optional<String> sessionPolicy) throws Exception {
        com.aliyun.sts20150401.Client sts = new com.aliyun.sts20150401.Client(SdkCalls.config(started.endpoint(), user.accessKeyId(),
                user.accessKeySecret(), null));
        AssumeRoleRequest request = new AssumeRoleRequest().setRoleArn(roleArn(role)).setRoleSessionName(sessionName)
                .setDurationSeconds(seconds);
        sessionPolicy.ifPresent(request::setPolicy);
        AssumeRoleResponseBody.AssumeRoleResponseBodyCredentials credentials = sts.assumeRole(request).getBody().getCredentials();
        return new SessionKey(credentials.getAccessKeyId(), credentials.getAccessKeySecret(), credentials.getSecurityToken(),
                Instant.parse(credentials.getExpiration()));
    }

    com.aliyun.cr20181201.Client cr(SessionKey session) throws Exception {
        return cr(session.accessKeyId(), session.accessKeySecret(), session.securityToken());
    }

    /** A call with the classic {@code aliyun-java-sdk-core} (signature V1), signed with the account's AccessKey. */
    String common(String version, String action, Map<String, String> parameters) throws ClientException {
        CommonRequest request = new CommonRequest();
        request.setSysMethod(MethodType.POST);
        request.setSysProtocol(ProtocolType.HTTP);
        request.setSysDomain(started.endpoint());
        request.setSysVersion(version);
        request.setSysAction(action);
        parameters.forEach(request::putQueryParameter);
        DefaultAcsClient client = new DefaultAcsClient(DefaultProfile.getProfile("cn-hangzhou", started.accessKeyId(),
                started.accessKeySecret()));
        return client.getCommonResponse(request).getData();
    }
}
