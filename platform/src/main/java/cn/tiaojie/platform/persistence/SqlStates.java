package cn.tiaojie.platform.persistence;

import java.sql.SQLException;

/** Reads the PostgreSQL SQLSTATE out of a persistence failure, so callers can tell constraint violations apart. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    /** The SQLSTATE of the first SQLException in the cause chain; null if there is none. */
    public static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
