package cn.tiaojie.platform.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A statement with :named parameters (a name may appear many times), bound by name in one place. */
public record NamedSql(String sql, List<String> names) {

    private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z_]+)");

    public static NamedSql of(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = NAME.matcher(text);
        StringBuilder sql = new StringBuilder();
        while (m.find()) {
            names.add(m.group(1));
            m.appendReplacement(sql, "?");
        }
        m.appendTail(sql);
        return new NamedSql(sql.toString(), List.copyOf(names));
    }

    /** A statement kept as a resource file of the application ({@code sql/...}), read once at start. */
    public static String resource(String path) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no SQL resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This statement after others that take no parameters (settings, a read), sent as one: the driver sends every
     * part before it waits for an answer, and PostgreSQL runs them in order, so settings apply before this
     * statement is planned.
     */
    public NamedSql after(String statements) {
        return new NamedSql(statements + ";\n" + sql, names);
    }

    @FunctionalInterface
    public interface ResultReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a statement sent with others and hands its result sets, in order, one to each reader. */
    public static void readResults(PreparedStatement ps, List<ResultReader> readers) throws SQLException {
        boolean isResultSet = ps.execute();
        int handed = 0;
        while (isResultSet || ps.getUpdateCount() != -1) {
            if (isResultSet) {
                if (handed == readers.size()) {
                    throw new SQLException("more result sets than the " + readers.size() + " expected");
                }
                try (ResultSet rs = ps.getResultSet()) {
                    readers.get(handed++).read(rs);
                }
            }
            isResultSet = ps.getMoreResults();
        }
        if (handed < readers.size()) {
            throw new SQLException(handed + " result sets where " + readers.size() + " were expected");
        }
    }

    public PreparedStatement prepare(Connection connection, Map<String, Object> values) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                if (!values.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name);
                }
                bind(connection, ps, i + 1, values.get(name));
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    private static void bind(Connection connection, PreparedStatement ps, int index, Object value)
            throws SQLException {
        switch (value) {
            case null -> ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
            case String[] array -> ps.setArray(index, connection.createArrayOf("varchar", array));
            case Instant instant -> ps.setObject(index, instant.atOffset(java.time.ZoneOffset.UTC));
            case Double number -> ps.setDouble(index, number);
            default -> ps.setObject(index, value);
        }
    }
}
