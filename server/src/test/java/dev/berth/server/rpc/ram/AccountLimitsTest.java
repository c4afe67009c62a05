package dev.berth.server.rpc.ram;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.ram20150501.Client;
import com.aliyun.ram20150501.models.AddUserToGroupRequest;
import com.aliyun.ram20150501.models.AttachPolicyToUserRequest;
import com.aliyun.ram20150501.models.CreateGroupRequest;
import com.aliyun.ram20150501.models.CreatePolicyRequest;
import com.aliyun.ram20150501.models.CreateRoleRequest;
import com.aliyun.ram20150501.models.CreateUserRequest;
import dev.berth.server.SdkCalls;
import dev.berth.server.TestServers;
import dev.berth.server.registry.e2e.TestPolicies;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every count limit of iam-api.md section 1, driven to its edge over the API with the {@code ram20150501}
 * SDK: the last entity within the limit is made, the next is {@code LimitExceeded.<Entity>}. The counts
 * are the same SQL on both databases, so this runs on H2 (the PostgreSQL suites cover the SQL itself).
 * The 20 system policies a principal may hold cannot be reached while fewer than 20 exist.
 */
class AccountLimitsTest {
    private static final String DOCUMENT = """
            {"Version": "1", "Statement": [{"Effect": "Allow", "Action": "cr:PullRepository", "Resource": "acs:cr:*:*:repository/n%d/*"}]}""";

    @TempDir
    Path folder;
    private TestServers.Started started;
    private Client account;

    /** A fresh server for each limit, so that no test counts another's entities. */
    @BeforeEach
    void start() throws Exception {
        started = TestServers.start(folder, TestServers.Backend.H2);
        account = new Client(SdkCalls.config(started.endpoint(), started.accessKeyId(), started.accessKeySecret(), null));
    }

    @AfterEach
    void stop() throws Exception {
        started.close();
    }

    /** Makes {@code count} entities with eight callers at once. */
    private void make(int count, IntFunction<SdkCalls.Call> call) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<Future<Object>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                SdkCalls.Call one = call.apply(i);
                done.add(callers.submit(one::run));
            }
            for (Future<Object> future : done) {
                future.get();
            }
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void anAccountHoldsFiveThousandUsers() throws Exception {
        make(5000, i -> () -> account.createUser(new CreateUserRequest().setUserName("user-" + i)));
        assertThat(SdkCalls.refusal(() -> account.createUser(new CreateUserRequest().setUserName("one-too-many"))))
                .isEqualTo("LimitExceeded.User");
    }

    @Test
    void anAccountHoldsThreeHundredGroupsAndAUserJoinsTenOfThem() throws Exception {
        make(300, i -> () -> account.createGroup(new CreateGroupRequest().setGroupName("group-" + i)));
        assertThat(SdkCalls.refusal(() -> account.createGroup(new CreateGroupRequest().setGroupName("group-too-many"))))
                .isEqualTo("LimitExceeded.Group");
        account.createUser(new CreateUserRequest().setUserName("joiner"));
        for (int i = 0; i < 10; i++) {
            account.addUserToGroup(new AddUserToGroupRequest().setUserName("joiner").setGroupName("group-" + i));
        }
        assertThat(SdkCalls.refusal(() -> account.addUserToGroup(new AddUserToGroupRequest().setUserName("joiner")
                .setGroupName("group-10")))).isEqualTo("LimitExceeded.User.Group");
    }

    @Test
    void anAccountHoldsOneThousandRoles() throws Exception {
        String trust = TestPolicies.trustPolicy("acs:ram::" + started.accountId() + ":root");
        make(1000, i -> () -> account.createRole(new CreateRoleRequest().setRoleName("role-" + i).setAssumeRolePolicyDocument(trust)));
        assertThat(SdkCalls.refusal(() -> account.createRole(new CreateRoleRequest().setRoleName("role-too-many")
                .setAssumeRolePolicyDocument(trust)))).isEqualTo("LimitExceeded.Role");
    }

    @Test
    void anAccountHoldsFifteenHundredCustomPoliciesAndAPrincipalTenOfThem() throws Exception {
        make(1500, i -> () -> account.createPolicy(new CreatePolicyRequest().setPolicyName("policy-" + i)
                .setPolicyDocument(DOCUMENT.formatted(i))));
        assertThat(SdkCalls.refusal(() -> account.createPolicy(new CreatePolicyRequest().setPolicyName("policy-too-many")
                .setPolicyDocument(DOCUMENT.formatted(0))))).isEqualTo("LimitExceeded.Policy");

        account.createUser(new CreateUserRequest().setUserName("holder"));
        for (int i = 0; i < 10; i++) {
            account.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("Custom").setPolicyName("policy-" + i)
                    .setUserName("holder"));
        }
        assertThat(SdkCalls.refusal(() -> account.attachPolicyToUser(new AttachPolicyToUserRequest().setPolicyType("Custom")
                .setPolicyName("policy-10").setUserName("holder")))).isEqualTo("LimitExceeded.User.Policy");
    }
}
