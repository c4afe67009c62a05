package dev.berth.benchmarks.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.benchmarks.server.RpcSigner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Figure (d)'s caller on Berth: a RAM user with 100 custom policies, attached through 10 groups of 10
 * (the limit is 10 custom policies per principal and 10 groups per user, iam-api.md section 1). 99
 * policies allow pulls and pushes in other namespaces; the last allows {@code cr:PullRepository} on
 * {@code library/*}. The user sets its own registry password with {@code ResetLoginPassword}, signed
 * with its own AccessKey.
 */
final class RamPuller {
    static final String USER = "bench-puller";
    static final int GROUPS = 10;
    static final int POLICIES_PER_GROUP = 10;
    private static final String PASSWORD = "Bench-puller-2026";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RAM = "2015-05-01";
    private static final String CR = "2018-12-01";

    private RamPuller() {
    }

    /** The registry user name ({@code <user>@<account id>}) and password of the new user. */
    record SignIn(String userName, String password) {
    }

    static SignIn create(HttpClient http, String endpoint, RpcSigner account, String accountId) throws IOException, InterruptedException {
        account.call(http, endpoint, RAM, "CreateUser", Map.of("UserName", USER));
        int policies = GROUPS * POLICIES_PER_GROUP;
        for (int i = 0; i < policies; i++) {
            String resource = i == policies - 1 ? "acs:cr:*:*:repository/library/*" : "acs:cr:*:*:repository/team-" + i + "/*";
            String actions = i == policies - 1 ? "\"cr:PullRepository\"" : "[\"cr:PullRepository\",\"cr:PushRepository\"]";
            account.call(http, endpoint, RAM, "CreatePolicy", Map.of("PolicyName", "bench-policy-" + i, "PolicyDocument",
                    "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":" + actions + ",\"Resource\":\"" + resource + "\"}]}"));
        }
        for (int g = 0; g < GROUPS; g++) {
            String group = "bench-group-" + g;
            account.call(http, endpoint, RAM, "CreateGroup", Map.of("GroupName", group));
            for (int p = 0; p < POLICIES_PER_GROUP; p++) {
                account.call(http, endpoint, RAM, "AttachPolicyToGroup", Map.of("PolicyType", "Custom",
                        "PolicyName", "bench-policy-" + (g * POLICIES_PER_GROUP + p), "GroupName", group));
            }
            account.call(http, endpoint, RAM, "AddUserToGroup", Map.of("UserName", USER, "GroupName", group));
        }
        JsonNode key = account.call(http, endpoint, RAM, "CreateAccessKey", Map.of("UserName", USER)).get("AccessKey");
        RpcSigner user = new RpcSigner(key.get("AccessKeyId").asText(), key.get("AccessKeySecret").asText(), null);
        user.call(http, endpoint, CR, "ResetLoginPassword", Map.of("Password", PASSWORD));
        return new SignIn(USER + "@" + accountId, PASSWORD);
    }

}
