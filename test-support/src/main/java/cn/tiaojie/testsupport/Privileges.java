package cn.tiaojie.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Checks of what a database role may and may not do, run on a connection logged in as that role. */
public final class Privileges {

    /** PostgreSQL's SQLSTATE for insufficient_privilege. */
    public static final String PERMISSION_DENIED = "42501";

    private Privileges() {
    }

    /** Runs the statement and expects PostgreSQL to refuse it for want of a privilege, saying {@code message}. */
    public static SQLException refused(Connection connection, String sql, String message) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals(PERMISSION_DENIED, refused.getSQLState(), sql + ": " + refused.getMessage());
        assertTrue(refused.getMessage().contains(message), sql + ": " + refused.getMessage());
        return refused;
    }

    /** The first column of the one row the query answers, as text. */
    public static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
