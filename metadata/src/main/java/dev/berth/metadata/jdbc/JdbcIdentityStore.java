package dev.berth.metadata.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.StoreException;
import dev.berth.registry.store.RegistryStore;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * The identity store on JDBC, for H2 and PostgreSQL alike: a connection pool, the Flyway migrations
 * applied at open, and one database transaction per unit of work. The registry's store lives in the
 * same database, on the same pool ({@link #registry()}).
 */
public final class JdbcIdentityStore implements IdentityStore, AutoCloseable {
    private final HikariDataSource pool;
    private final RegistryStore registry;
    /**
     * The generation kept in this process when it is the database's only server (see {@link
     * #openHeld}): moved on after each changing commit, so reading it costs nothing. Absent for a
     * shared database, whose generation is read from its row every time.
     */
    private final Optional<AtomicLong> ownGeneration;

    private JdbcIdentityStore(HikariDataSource pool, boolean owned) {
        this.pool = pool;
        this.registry = new JdbcRegistryStore(pool);
        this.ownGeneration = owned ? Optional.of(new AtomicLong(storedGeneration())) : Optional.empty();
    }

    /**
     * Opens the database at {@code url}, shared with any number of other servers (nodes), bringing its
     * schema up to date.
     */
    public static JdbcIdentityStore open(String url, Optional<String> user, Optional<String> password, int poolSize) {
        return new JdbcIdentityStore(pool(url, user, password, poolSize), false);
    }

    /**
     * Opens a database this process serves alone, such as the embedded H2 database of one data
     * folder: other processes may only add what nothing here has read yet (the operator's {@code
     * berth account create} adds a whole new account), so this process keeps the generation itself.
     */
    public static JdbcIdentityStore openHeld(String url, int poolSize) {
        return new JdbcIdentityStore(pool(url, Optional.empty(), Optional.empty(), poolSize), true);
    }

    private static HikariDataSource pool(String url, Optional<String> user, Optional<String> password, int poolSize) {
        Objects.requireNonNull(url, "url");
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        user.ifPresent(config::setUsername);
        password.ifPresent(config::setPassword);
        config.setMaximumPoolSize(poolSize);
        config.setAutoCommit(false);
        config.setPoolName("berth-metadata");
        config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").placeholders(placeholders(url)).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return pool;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        boolean[] changed = new boolean[1];
        T result = Transactions.run(pool, connection -> {
            JdbcTransaction transaction = new JdbcTransaction(connection);
            T done = work.run(transaction);
            changed[0] = transaction.closeGeneration();
            return done;
        });
        if (changed[0]) {
            ownGeneration.ifPresent(AtomicLong::incrementAndGet);
        }
        return result;
    }

    @Override
    public long generation() {
        return ownGeneration.map(AtomicLong::get).orElseGet(this::storedGeneration);
    }

    private long storedGeneration() {
        return Transactions.run(pool, connection -> new Sql(connection, violation -> new StoreException("no update here", violation))
                .query("SELECT generation FROM identity_generation WHERE id = 1", row -> row.getLong("generation")).getFirst());
    }

    /** The registry's store over this store's database and connection pool; closing this store closes both. */
    public RegistryStore registry() {
        return registry;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** What the migrations write differently per database: the collation that sorts names by code point (V8). */
    private static Map<String, String> placeholders(String url) {
        return Map.of("code_point_order", url.startsWith("jdbc:postgresql:") ? "COLLATE \"C\"" : "");
    }
}
