package dev.berth.server.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.berth.iam.bootstrap.BootstrapCredentials;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** The {@code bootstrap-credentials} file of iam-api.md section 1a: JSON, mode 0600, written once. */
public final class BootstrapFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BootstrapFile() {
    }

    static Path write(DataDirectory data, BootstrapCredentials credentials) {
        return data.writePrivate(DataDirectory.BOOTSTRAP_CREDENTIALS, toJson(credentials).getBytes(StandardCharsets.UTF_8));
    }

    public static String toJson(BootstrapCredentials credentials) {
        ObjectNode node = JSON.createObjectNode()
                .put("AccountId", credentials.accountId().value())
                .put("AccessKeyId", credentials.accessKeyId().value())
                .put("AccessKeySecret", credentials.accessKeySecret())
                .put("ConsolePassword", credentials.consolePassword())
                .put("RegistryPassword", credentials.registryPassword());
        return node.toPrettyString() + "\n";
    }
}
