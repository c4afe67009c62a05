package dev.berth.metadata.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.berth.iam.store.IdentityStore;
import dev.berth.iam.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;

/**
 * The identity store on JDBC, for H2 and PostgreSQL alike: a connection pool, the Flyway migrations
 * applied at open, and one database transaction per unit of work.
 */
public final class JdbcIdentityStore implements IdentityStore, AutoCloseable {
    private final HikariDataSource pool;

    private JdbcIdentityStore(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the database at {@code url}, bringing its schema up to date. */
    public static JdbcIdentityStore open(String url, Optional<String> user, Optional<String> password, int poolSize) {
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
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new JdbcIdentityStore(pool);
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(new JdbcTransaction(connection));
                connection.commit();
                return result;
            } catch (RuntimeException | Error e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("metadata transaction failed", e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
