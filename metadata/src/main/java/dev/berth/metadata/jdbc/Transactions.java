package dev.berth.metadata.jdbc;

import dev.berth.iam.store.StoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;

/** One database transaction per unit of work: committed when the work returns, rolled back when it throws. */
final class Transactions {
    private Transactions() {
    }

    /** Runs {@code work} on a pooled connection; what the work throws passes through unchanged. */
    static <T> T run(DataSource pool, Function<Connection, T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.apply(connection);
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
}
