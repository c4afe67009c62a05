package dev.berth.metadata.jdbc;

import dev.berth.registry.store.RegistryStore;
import javax.sql.DataSource;

/** The registry store on JDBC: one database transaction per unit of work, on a pool it does not own. */
final class JdbcRegistryStore implements RegistryStore {
    private final DataSource pool;

    JdbcRegistryStore(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public <T> T inTransaction(Work<T> work) {
        return Transactions.run(pool, connection -> work.run(new JdbcRegistryTransaction(connection)));
    }
}
