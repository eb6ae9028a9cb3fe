package cn.tiaojie.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** A database out of reach is told apart from a request the database refused. */
class SqlStatesTest {

    @Test
    void aRefusedConnectionDeepInTheCausesIsTheDatabaseOutOfReach() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertTrue(SqlStates.databaseUnreachable(new PersistenceException("could not open", new SQLException(
                "Acquisition timeout while waiting for new connection", null, refused))));
    }

    @Test
    void aServerShuttingDownIsTheDatabaseOutOfReach() {
        assertTrue(SqlStates.databaseUnreachable(new SQLException("terminating connection due to administrator command", "57P01")));
    }

    @Test
    void aConstraintViolationIsNot() {
        assertFalse(SqlStates.databaseUnreachable(new PersistenceException(new SQLException("duplicate key", SqlStates.UNIQUE_VIOLATION))));
        assertFalse(SqlStates.databaseUnreachable(new IllegalStateException("no SQL here")));
    }
}
