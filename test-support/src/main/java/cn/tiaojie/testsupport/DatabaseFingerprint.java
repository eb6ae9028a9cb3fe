package cn.tiaojie.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * A digest of every row of every table in the service's schema, to prove that a batch of rejected requests wrote
 * nothing: take one before and one after and compare. Tables changed by background work can be left out.
 */
public final class DatabaseFingerprint {

    private DatabaseFingerprint() {
    }

    /** Table name → "row count:md5 of the rows", for every table of the current schema but Flyway's and {@code ignored}. */
    public static Map<String, String> of(DataSource dataSource, String... ignored) {
        Set<String> skip = Set.of(ignored);
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = current_schema() and table_type = 'BASE TABLE'"
                    + " and table_name <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (skip.contains(table)) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("select count(*), coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                        + " from \"" + table + "\" t")) {
                    rs.next();
                    digests.put(table, rs.getLong(1) + ":" + rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the database fingerprint cannot be taken", e);
        }
        return digests;
    }
}
