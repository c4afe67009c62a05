package dev.berth.server.runtime;

import dev.berth.iam.bootstrap.AccountCreation;
import dev.berth.iam.bootstrap.BootstrapCredentials;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.secret.SecretBox;
import dev.berth.metadata.jdbc.JdbcIdentityStore;
import dev.berth.server.config.ServerConfig;
import dev.berth.server.http.EdgeErrors;
import dev.berth.server.http.Routes;
import dev.berth.iam.service.AccessKeys;
import dev.berth.iam.service.AccountAliases;
import dev.berth.iam.service.Attachments;
import dev.berth.iam.service.Groups;
import dev.berth.iam.service.LoginProfiles;
import dev.berth.iam.service.Policies;
import dev.berth.iam.service.ResourceGroups;
import dev.berth.iam.service.Roles;
import dev.berth.iam.service.SecurityTokenService;
import dev.berth.iam.service.StoredDocuments;
import dev.berth.iam.service.Users;
import dev.berth.server.rpc.Authorizer;
import dev.berth.server.rpc.Callers;
import dev.berth.server.rpc.RpcEndpoint;
import dev.berth.server.rpc.signature.InMemoryNonceRegistry;
import dev.berth.server.rpc.signature.RequestAuthenticator;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;

/** The running server: wiring lives here and nowhere else (STYLE.md, code 9). */
public final class BerthServer implements AutoCloseable {
    /** A connection silent this long is closed: it bounds endless and very slow request bodies (registry.md section 7). */
    private static final long IDLE_TIMEOUT_MILLIS = 60_000;
    private final Server jetty;
    private final JdbcIdentityStore store;
    private final URI uri;
    private final Optional<Path> bootstrapFile;
    private final AutoCloseable uploadExpiry;
    private final AutoCloseable heldData;

    private BerthServer(Server jetty, JdbcIdentityStore store, URI uri, Optional<Path> bootstrapFile, AutoCloseable uploadExpiry,
                        AutoCloseable heldData) {
        this.uploadExpiry = uploadExpiry;
        this.heldData = heldData;
        this.jetty = jetty;
        this.store = store;
        this.uri = uri;
        this.bootstrapFile = bootstrapFile;
    }

    /** Opens the data folder and the metadata store, bootstraps an empty server, and starts listening. */
    public static BerthServer start(ServerConfig config, Clock clock) throws Exception {
        Objects.requireNonNull(config, "config");
        SecureRandom random = new SecureRandom();
        DataDirectory data = DataDirectory.open(config.dataDirectory());
        SecretBox secrets = new SecretBox(data.masterKey(random), random);
        java.security.PrivateKey tokenKey = data.tokenSigningKey(random);
        AutoCloseable held = data.holdForServer();
        JdbcIdentityStore store;
        try {
            store = openStore(config, data);
        } catch (RuntimeException e) {
            held.close();
            throw e;
        }
        try {
            Optional<BootstrapCredentials> bootstrap = new AccountCreation(store, secrets, PasswordHasher.standard(random), random)
                    .create(Optional.empty(), clock.instant(), true);
            Optional<Path> bootstrapFile = bootstrap.map(credentials -> BootstrapFile.write(data, credentials));
            Server jetty = new Server(new VirtualThreadPool());
            ServerConnector connector = new ServerConnector(jetty);
            connector.setIdleTimeout(IDLE_TIMEOUT_MILLIS);
            connector.setHost(config.listen().host());
            connector.setPort(config.listen().port());
            jetty.addConnector(connector);
            StoredDocuments documents = new StoredDocuments();
            SecurityTokenService sts = new SecurityTokenService(store, secrets, random, documents);
            Callers callers = new Callers(store, secrets, sts);
            Attachments attachments = new Attachments(store, documents);
            ResourceGroups resourceGroups = new ResourceGroups(store, random);
            RegistryWiring registry = new RegistryWiring(store, store.registry(), data, tokenKey, config.registry(), attachments,
                    resourceGroups, random, clock);
            bootstrap.ifPresent(credentials -> registry.bootstrap(credentials, clock.instant()));
            Authorizer authorizer = new Authorizer(call -> attachments.policiesOf(call.caller(), call.sessionPolicy(),
                    call.identityGeneration()));
            RpcEndpoint rpc = new RpcEndpoint(new RequestAuthenticator(callers, new InMemoryNonceRegistry()), callers, authorizer,
                    RpcCatalog.actions(new Users(store, random), new AccessKeys(store, secrets, random), new Policies(store), attachments,
                            new Roles(store, random), sts, new Groups(store, random), resourceGroups,
                            new AccountAliases(store), new LoginProfiles(store, PasswordHasher.standard(random), new PasswordThrottle()),
                            registry.containerRegistryActions),
                    clock);
            jetty.setHandler(new Routes(rpc, registry.distribution, registry.tokenEndpoint));
            jetty.setErrorHandler(new EdgeErrors());
            jetty.setStopAtShutdown(false);
            jetty.start();
            String host = config.listen().host().contains(":") ? "[" + config.listen().host() + "]" : config.listen().host();
            URI uri = URI.create("http://" + host + ":" + connector.getLocalPort());
            return new BerthServer(jetty, store, uri, bootstrapFile, registry.startUploadExpiry(), held);
        } catch (Exception | Error e) {
            store.close();
            held.close();
            throw e;
        }
    }

    /** The embedded database is this server's alone (the data folder is held); a configured one may be shared by other nodes. */
    private static JdbcIdentityStore openStore(ServerConfig config, DataDirectory data) {
        String url = config.metadata().jdbcUrl(data.root());
        return config.metadata().embeddedDatabase()
                ? JdbcIdentityStore.openHeld(url, config.metadata().poolSize())
                : JdbcIdentityStore.open(url, config.metadata().user(), config.metadata().password(), config.metadata().poolSize());
    }

    public URI uri() {
        return uri;
    }

    /** The credentials file written by this start, when it was the first. */
    public Optional<Path> bootstrapFile() {
        return bootstrapFile;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try {
            uploadExpiry.close();
            jetty.stop();
        } finally {
            try {
                store.close();
            } finally {
                heldData.close();
            }
        }
    }
}
