package dev.berth.server.cli;

import dev.berth.iam.bootstrap.AccountCreation;
import dev.berth.iam.bootstrap.BootstrapCredentials;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.SecretBox;
import dev.berth.iam.store.DuplicateEntityException;
import dev.berth.metadata.jdbc.JdbcIdentityStore;
import dev.berth.server.config.ConfigException;
import dev.berth.server.config.ServerConfig;
import dev.berth.server.runtime.BootstrapFile;
import dev.berth.server.runtime.DataDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code berth account create --alias NAME}: the operator adds an account and receives its credentials once. */
@Command(name = "account", mixinStandardHelpOptions = true, description = "Manage accounts (operator).",
        subcommands = AccountCommand.Create.class)
final class AccountCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create an account; print its id, root AccessKey and passwords as JSON, once.")
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        ConfigOptions options;

        @Option(names = "--alias", paramLabel = "NAME", description = "3 to 64 of a-z, 0-9 and -")
        String alias;

        @Override
        public Integer call() {
            ServerConfig config;
            try {
                config = options.load(Map.of());
            } catch (ConfigException e) {
                spec.commandLine().getErr().println("berth account create: " + e.getMessage());
                return 2;
            }
            SecureRandom random = new SecureRandom();
            DataDirectory data = DataDirectory.open(config.dataDirectory());
            try (JdbcIdentityStore store = JdbcIdentityStore.open(config.metadata().jdbcUrl(data.root()),
                    config.metadata().user(), config.metadata().password(), 2)) {
                AccountCreation creation = new AccountCreation(store, new SecretBox(data.masterKey(random), random),
                        PasswordHasher.standard(random), random);
                BootstrapCredentials credentials = creation.create(Optional.ofNullable(alias), Clock.systemUTC().instant(), false)
                        .orElseThrow();
                spec.commandLine().getOut().print(BootstrapFile.toJson(credentials));
                spec.commandLine().getOut().flush();
                return 0;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("berth account create: " + e.getMessage());
                return 1;
            } catch (DuplicateEntityException e) {
                spec.commandLine().getErr().println("berth account create: the alias `" + alias + "` is taken");
                return 1;
            }
        }
    }
}
