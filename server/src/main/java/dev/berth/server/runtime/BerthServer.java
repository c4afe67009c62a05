package dev.berth.server.runtime;

import dev.berth.iam.bootstrap.AccountCreation;
import dev.berth.iam.bootstrap.BootstrapCredentials;
import dev.berth.iam.secret.PasswordHasher;
import dev.berth.iam.secret.PasswordThrottle;
import dev.berth.iam.secret.SecretBox;
import dev.berth.metadata.jdbc.JdbcIdentityStore;
import dev.berth.registry.service.UploadService;
import dev.berth.server.config.ServerConfig;
import dev.berth.server.http.EdgeErrors;
import dev.berth.server.http.MinimumBodyRate;
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
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.VirtualThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: wiring lives here and nowhere else (STYLE.md, code 9). */
public final class BerthServer implements AutoCloseable {
    /** How often idle upload sessions are looked for (they expire after 24 hours without activity, registry.md section 6). */
    static final Duration UPLOAD_EXPIRY_PERIOD = Duration.ofHours(1);
    /** How long a request body may arrive slower than {@code server.min-body-bytes-per-second} before the rate counts. */
    static final Duration BODY_RATE_GRACE = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(BerthServer.class);

    private final Server jetty;
    private final JdbcIdentityStore store;
    private final URI uri;
    private final Optional<Path> bootstrapFile;
    private final UploadService uploads;
    private final PeriodicTask uploadExpiry;
    private final AutoCloseable heldData;

    private BerthServer(Server jetty, JdbcIdentityStore store, URI uri, Optional<Path> bootstrapFile, UploadService uploads,
                        AutoCloseable heldData) {
        this.jetty = jetty;
        this.store = store;
        this.uri = uri;
        this.bootstrapFile = bootstrapFile;
        this.uploads = uploads;
        this.heldData = heldData;
        this.uploadExpiry = new PeriodicTask("upload-expiry", UPLOAD_EXPIRY_PERIOD, this::expireIdleUploads).start();
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
            connector.setIdleTimeout(config.idleTimeout().toMillis());
            connector.setHost(config.listen().host());
            connector.setPort(config.listen().port());
            jetty.addConnector(connector);
            StoredDocuments documents = new StoredDocuments();
            SecurityTokenService sts = new SecurityTokenService(store, secrets, random, documents);
            Callers callers = new Callers(store, secrets);
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
            jetty.setHandler(new MinimumBodyRate(new Routes(rpc, registry.distribution, registry.tokenEndpoint),
                    config.minBodyBytesPerSecond(), BODY_RATE_GRACE));
            jetty.setErrorHandler(new EdgeErrors());
            jetty.setStopAtShutdown(false);
            jetty.start();
            String host = config.listen().host().contains(":") ? "[" + config.listen().host() + "]" : config.listen().host();
            URI uri = URI.create("http://" + host + ":" + connector.getLocalPort());
            return new BerthServer(jetty, store, uri, bootstrapFile, registry.registry.uploads(), held);
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

    /** Discards the upload sessions idle for 24 hours; runs every {@link #UPLOAD_EXPIRY_PERIOD} until the server closes. */
    public UploadService.Expiry expireIdleUploads() {
        UploadService.Expiry expiry = uploads.expireIdle();
        if (expiry.expired() > 0 || expiry.failed() > 0) {
            LOG.info("idle upload sessions: {} expired, {} could not be discarded (tried again later)", expiry.expired(), expiry.failed());
        }
        return expiry;
    }

    public void join() throws InterruptedException {
        jetty.join();
    }

    @Override
    public void close() throws Exception {
        try (heldData; store) {
            try {
                uploadExpiry.close();
            } finally {
                jetty.stop();
            }
        }
    }
}
