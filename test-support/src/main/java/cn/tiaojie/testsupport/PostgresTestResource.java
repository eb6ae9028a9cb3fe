package cn.tiaojie.testsupport;

import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Starts one embedded PostgreSQL for a test module (use it with GLOBAL scope) and points the service at a fresh
 * database on it, with the DEV-ONLY token key as the trusted one. As in production, Flyway migrates as the
 * database's owner and the service's datasource logs in as the application's role, which owns nothing.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "tiaojie_test";
    /** Owns the database and every object the migrations create; Flyway's login. */
    public static final String OWNER_USER = "tiaojie_test_owner";
    public static final String OWNER_PASSWORD = "test-only-owner-password";
    /** The service's datasource login: rows only, with the rights the migrations grant it. */
    public static final String APP_USER = "tiaojie_test_svc";
    public static final String APP_PASSWORD = "test-only-password";

    private static LocalPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            postgres = LocalPostgres.startEphemeral();
            postgres.ensureDatabase(DATABASE, OWNER_USER, OWNER_PASSWORD, APP_USER, APP_PASSWORD);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", APP_USER,
                "quarkus.datasource.password", APP_PASSWORD,
                "quarkus.flyway.username", OWNER_USER,
                "quarkus.flyway.password", OWNER_PASSWORD,
                "mp.jwt.verify.publickey.location", DevTokens.PUBLIC_KEY_RESOURCE,
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "tiaojie.service-token.signing-key-location", DevTokens.PRIVATE_KEY_RESOURCE);
    }

    /**
     * A connection to the running test's database as the owner, for fixtures and checks the application's role
     * may not do (call it inside a Quarkus test, where the datasource's URL is configured).
     */
    public static Connection connectAsOwner() throws SQLException {
        return connect(OWNER_USER, OWNER_PASSWORD, Map.of());
    }

    /** The same with driver options, such as {@code preferQueryMode=simple}. */
    public static Connection connectAsOwner(Map<String, String> options) throws SQLException {
        return connect(OWNER_USER, OWNER_PASSWORD, options);
    }

    /** A connection to the running test's database as the application's role, outside the service's pool. */
    public static Connection connectAsApplication() throws SQLException {
        return connect(APP_USER, APP_PASSWORD, Map.of());
    }

    /** The same with driver options, such as {@code preferQueryMode=simple}. */
    public static Connection connectAsApplication(Map<String, String> options) throws SQLException {
        return connect(APP_USER, APP_PASSWORD, options);
    }

    private static Connection connect(String user, String password, Map<String, String> options) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        Properties login = new Properties();
        options.forEach(login::setProperty);
        login.setProperty("user", user);
        login.setProperty("password", password);
        // the driver directly: DriverManager may not see it from the test's class loader
        return new org.postgresql.Driver().connect(url, login);
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
