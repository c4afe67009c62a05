package dev.berth.server.runtime;

import dev.berth.iam.bootstrap.BootstrapCredentials;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.service.Attachments;
import dev.berth.iam.service.RegistryPasswords;
import dev.berth.iam.service.ResourceGroups;
import dev.berth.iam.store.IdentityStore;
import dev.berth.registry.instance.Instance;
import dev.berth.registry.instance.InstanceType;
import dev.berth.registry.manage.Instances;
import dev.berth.registry.manage.Namespaces;
import dev.berth.registry.manage.Repositories;
import dev.berth.registry.manage.Tags;
import dev.berth.registry.name.NamespaceName;
import dev.berth.registry.repository.RepoType;
import dev.berth.registry.service.Registry;
import dev.berth.registry.store.RegistryStore;
import dev.berth.server.registry.DistributionEndpoint;
import dev.berth.server.registry.RegistryAddresses;
import dev.berth.server.registry.RegistryArns;
import dev.berth.server.registry.RegistryGate;
import dev.berth.server.registry.RegistryPermissions;
import dev.berth.server.registry.RegistryScopeGrant;
import dev.berth.server.registry.RegistrySettings;
import dev.berth.server.registry.RepositoryAuthorizer;
import dev.berth.server.registry.auth.RegistryIdentities;
import dev.berth.server.registry.auth.RegistrySignIn;
import dev.berth.server.registry.auth.RegistryTokens;
import dev.berth.server.registry.auth.SigningKey;
import dev.berth.server.registry.auth.TemporaryTokens;
import dev.berth.server.registry.auth.TokenEndpoint;
import dev.berth.server.registry.auth.TokenSettings;
import dev.berth.server.rpc.RpcRoute;
import dev.berth.server.rpc.cr.CrInstanceActions;
import dev.berth.server.rpc.cr.CrNamespaceActions;
import dev.berth.server.rpc.cr.CrRepositoryActions;
import dev.berth.server.rpc.cr.CrSignInActions;
import dev.berth.storage.fs.FileSystemBlobStores;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The registry half of the wiring: the {@code /v2} endpoint, the token endpoint and the Container Registry API. */
final class RegistryWiring {
    /** The {@code service} of tokens and challenges (Docker token specification). */
    static final String SERVICE = "berth-registry";

    final Registry registry;
    final DistributionEndpoint distribution;
    final TokenEndpoint tokenEndpoint;
    final List<RpcRoute> containerRegistryActions;
    private final Instances instances;
    private final Namespaces namespaces;
    private final ResourceGroups resourceGroups;

    RegistryWiring(IdentityStore identities, RegistryStore store, DataDirectory data, PrivateKey tokenKey, RegistrySettings settings,
                   Attachments attachments, ResourceGroups resourceGroups, SecureRandom random, Clock clock) {
        this.resourceGroups = resourceGroups;
        registry = new Registry(store, new FileSystemBlobStores(data.root().resolve("blobs")), clock, random);
        instances = new Instances(store, random);
        namespaces = new Namespaces(store, random);
        RegistryArns arns = new RegistryArns(settings);
        RegistryPasswords passwords = new RegistryPasswords(identities, PasswordHasher.standard(random), new PasswordThrottle());
        RegistryTokens tokens = new RegistryTokens(SigningKey.of(tokenKey), TokenSettings.standard("berth", SERVICE));
        RegistryIdentities registryIdentities = new RegistryIdentities(identities, passwords);
        RegistrySignIn signIn = new RegistrySignIn(passwords, tokens, registryIdentities);
        RegistryAddresses addresses = new RegistryAddresses(registry, settings);
        RegistryPermissions permissions = new RegistryPermissions(registry, arns, new RepositoryAuthorizer(attachments::policiesOf));
        distribution = new DistributionEndpoint(registry, instances, addresses, permissions, new RegistryGate(signIn, permissions, SERVICE), clock);
        tokenEndpoint = new TokenEndpoint(signIn, tokens, new RegistryScopeGrant(addresses, permissions), clock);
        List<RpcRoute> actions = new ArrayList<>();
        actions.addAll(new CrInstanceActions(instances, resourceGroups, arns).routes());
        actions.addAll(new CrNamespaceActions(instances, namespaces, arns).routes());
        actions.addAll(new CrRepositoryActions(instances, new Repositories(store, random), new Tags(store), arns).routes());
        actions.addAll(new CrSignInActions(instances, new TemporaryTokens(registryIdentities, tokens), passwords, arns).routes());
        containerRegistryActions = List.copyOf(actions);
    }

    /**
     * The first start's registry (iam-api.md section 1a): the bootstrap account's Personal Edition
     * instance with the namespace {@code library} ({@code AutoCreateRepo}, {@code PRIVATE}).
     */
    void bootstrap(BootstrapCredentials credentials, Instant now) {
        var account = credentials.accountId();
        Instance personal = instances.personalOf(account).orElseGet(() -> instances.create(account, Optional.empty(), InstanceType.Personal,
                resourceGroups.defaultGroup(account, now).id(), now));
        namespaces.create(account, personal.id(), new NamespaceName("library"), true, RepoType.PRIVATE, now);
    }
}
