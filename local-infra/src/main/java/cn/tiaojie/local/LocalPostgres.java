package cn.tiaojie.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL server run from the binaries on the classpath: no Docker, no system install. With a data
 * directory it keeps its data across restarts (the local run); without one it starts empty (tests).
 */
public final class LocalPostgres implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private LocalPostgres(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** An empty server on a free port, gone when closed. */
    public static LocalPostgres startEphemeral() {
        return start(null, 0, Map.of());
    }

    /** An empty server with these server settings besides the usual ones (a bench's statistics, say). */
    public static LocalPostgres startEphemeral(Map<String, String> settings) {
        return start(null, 0, settings);
    }

    /** A server on {@code port} (0: any free port) that keeps its data in {@code dataDirectory} if given. */
    public static LocalPostgres start(Path dataDirectory, int port) {
        return start(dataDirectory, port, Map.of());
    }

    private static LocalPostgres start(Path dataDirectory, int port, Map<String, String> settings) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                    .setServerConfig("synchronous_commit", dataDirectory == null ? "off" : "on")
                    .setServerConfig("timezone", "UTC");
            settings.forEach(builder::setServerConfig);
            if (port > 0) {
                builder.setPort(port);
            }
            if (dataDirectory != null) {
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return new LocalPostgres(builder.start(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    /** An online backup of the whole server into {@code zip}, while it serves (see {@link LocalBackups}). */
    public void backupTo(Path zip) {
        if (dataDirectory == null) {
            throw new IllegalStateException("a throw-away server keeps no data to back up");
        }
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            LocalBackups.backup(superuser, dataDirectory, zip);
        } catch (SQLException e) {
            throw new IllegalStateException("could not back up " + dataDirectory, e);
        }
    }

    /** A connection to the server as its superuser, for a local tool that needs one. */
    public static Connection superuser(int port) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /**
     * Creates the database's two login roles and the database, unless they exist. {@code owner} owns the database
     * and everything its migrations create (Flyway connects as it); {@code app} is the application's role, which owns
     * nothing and gets its rights on rows from those migrations. A database an older local run left owned by the
     * application's role is handed, with everything in it, to the owner.
     */
    public void ensureDatabase(String database, String owner, String ownerPassword, String app, String appPassword) {
        if (owner.equals(app)) {
            throw new IllegalArgumentException("the owner and the application's role must differ: " + owner);
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            ensureLoginRole(c, s, owner, ownerPassword);
            ensureLoginRole(c, s, app, appPassword);
            String currentOwner = databaseOwner(c, database);
            if (currentOwner == null) {
                s.execute("create database " + identifier(database) + " owner " + identifier(owner));
            } else if (currentOwner.equals(app)) {
                s.execute("alter database " + identifier(database) + " owner to " + identifier(owner));
                // the tables, sequences, functions and Flyway's history the application's role created before
                try (Connection inside = postgres.getDatabase("postgres", database).getConnection();
                        Statement reassign = inside.createStatement()) {
                    reassign.execute("reassign owned by " + identifier(app) + " to " + identifier(owner));
                }
            } else if (!currentOwner.equals(owner)) {
                throw new IllegalStateException("database " + database + " belongs to " + currentOwner
                        + ", neither to " + owner + " nor to " + app);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + database, e);
        }
    }

    /**
     * The same for callers that name only the application's role: the owner is {@link #ownerOf(String)} with the
     * password {@link #ownerPasswordOf(String)}, which is what the services' local profile expects.
     */
    public void ensureDatabase(String database, String app, String appPassword) {
        ensureDatabase(database, ownerOf(app), ownerPasswordOf(appPassword), app, appPassword);
    }

    /** The owner role that goes with an application's role: {@code case_svc} → {@code case_owner}. */
    public static String ownerOf(String appRole) {
        return (appRole.endsWith("_svc") ? appRole.substring(0, appRole.length() - "_svc".length()) : appRole)
                + "_owner";
    }

    /** A local run's owner password, derived from the application's local password: local and test use only. */
    public static String ownerPasswordOf(String appPassword) {
        return appPassword + "-owner";
    }

    private static void ensureLoginRole(Connection c, Statement s, String role, String password) throws SQLException {
        if (!exists(c, "select 1 from pg_roles where rolname = ?", role)) {
            s.execute("create role " + identifier(role) + " login password '" + password.replace("'", "''") + "'");
        }
    }

    private static String databaseOwner(Connection c, String database) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select pg_get_userbyid(datdba) from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
