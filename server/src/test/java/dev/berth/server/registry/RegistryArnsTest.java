package dev.berth.server.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.policy.value.AccountId;
import dev.berth.registry.instance.InstanceId;
import dev.berth.registry.name.ImageName;
import dev.berth.registry.name.NamespaceName;
import org.junit.jupiter.api.Test;

class RegistryArnsTest {
    private static final AccountId OWNER = new AccountId("1234567890123456");
    private final RegistryArns arns = new RegistryArns(new RegistrySettings("cn-hangzhou", "berth.test"));

    @Test
    void aPersonalRepositoryCarriesNoInstance() {
        assertThat(arns.personalRepository(OWNER, ImageName.parse("ns/team/app")).value())
                .isEqualTo("acs:cr:cn-hangzhou:1234567890123456:repository/ns/team/app");
        assertThat(arns.personalRepository(OWNER, ImageName.parse("ns/app")))
                .isEqualTo(arns.repository(OWNER, new InstanceId("crpi-0123456789abcdef"), ImageName.parse("ns/app")));
    }

    @Test
    void theRepositoriesOfANamespaceAreItsArnWithAWildcard() {
        assertThat(arns.namespaceRepositories(OWNER, new InstanceId("cri-0123456789abcdef"), new NamespaceName("ns")).value())
                .isEqualTo("acs:cr:cn-hangzhou:1234567890123456:repository/cri-0123456789abcdef/ns/*");
        assertThat(arns.namespaceRepositories(OWNER, new InstanceId("crpi-0123456789abcdef"), new NamespaceName("ns")).value())
                .isEqualTo("acs:cr:cn-hangzhou:1234567890123456:repository/ns/*");
    }
}
