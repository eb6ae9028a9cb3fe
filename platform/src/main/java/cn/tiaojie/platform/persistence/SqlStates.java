package cn.tiaojie.platform.persistence;

import java.sql.SQLException;

/** Reads the PostgreSQL SQLSTATE out of a persistence failure, so callers can tell constraint violations apart. */
public final class SqlStates {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String EXCLUSION_VIOLATION = "23P01";

    private SqlStates() {
    }

    /**
     * True when the failure is the database being out of reach (refused, cut off, shutting down or starting up)
     * rather than anything about the request: SQLSTATE class 08 or 57P01–57P03 anywhere in the cause chain.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
        }
        return false;
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
