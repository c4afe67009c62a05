package dev.berth.iam.bootstrap;

import dev.berth.iam.value.AccessKeyId;
import dev.berth.policy.value.AccountId;
import java.util.Objects;

/**
 * What the first start of an empty server hands its operator once (iam-api.md section 1a), in
 * plain text: the caller writes it to a file readable by the server's user alone, and nowhere else.
 */
public record BootstrapCredentials(
        AccountId accountId, AccessKeyId accessKeyId, String accessKeySecret, String consolePassword, String registryPassword) {

    public BootstrapCredentials {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        Objects.requireNonNull(consolePassword, "consolePassword");
        Objects.requireNonNull(registryPassword, "registryPassword");
    }

    @Override
    public String toString() {
        return "BootstrapCredentials[accountId=" + accountId + ", accessKeyId=" + accessKeyId + ", secrets hidden]";
    }
}
