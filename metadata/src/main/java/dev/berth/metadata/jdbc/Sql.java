package dev.berth.metadata.jdbc;

import dev.berth.iam.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Prepared statements on one connection. A unique-constraint violation becomes the duplicate exception
 * of the store at hand; any other SQL error a {@link StoreException}.
 */
final class Sql {
    /** SQLSTATE of a unique-constraint violation, the same in H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final Connection connection;
    private final Function<SQLException, RuntimeException> duplicate;
    private boolean changed;

    Sql(Connection connection, Function<SQLException, RuntimeException> duplicate) {
        this.connection = connection;
        this.duplicate = duplicate;
    }

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    int update(String statement, Object... parameters) {
        int rows = execute(statement, parameters);
        changed |= rows > 0;
        return rows;
    }

    /**
     * An insert that does not count as a change of this transaction, so it leaves the identity
     * generation where it was: only for rows that nothing derived from the store can have missed, as
     * a new role session, whose key id no cache ever held (ids that match nothing are not kept).
     */
    void insertUnseen(String statement, Object... parameters) {
        execute(statement, parameters);
    }

    private int execute(String statement, Object... parameters) {
        try (PreparedStatement prepared = prepare(statement, parameters)) {
            return prepared.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                throw duplicate.apply(e);
            }
            throw new StoreException("metadata update failed", e);
        }
    }

    /** Whether an update of this transaction changed a row. */
    boolean changed() {
        return changed;
    }

    <T> List<T> query(String statement, Row<T> row, Object... parameters) {
        try (PreparedStatement prepared = prepare(statement, parameters); ResultSet results = prepared.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (results.next()) {
                rows.add(row.read(results));
            }
            return rows;
        } catch (SQLException e) {
            throw new StoreException("metadata query failed", e);
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private PreparedStatement prepare(String statement, Object... parameters) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(statement);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                prepared.setTimestamp(i + 1, Timestamp.from(instant));
            } else {
                prepared.setObject(i + 1, parameter);
            }
        }
        return prepared;
    }
}
