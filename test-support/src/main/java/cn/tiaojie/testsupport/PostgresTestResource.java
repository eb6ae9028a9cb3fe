package cn.tiaojie.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts one embedded PostgreSQL for a test module (use it with GLOBAL scope) and points the service at a fresh
 * database on it, with the DEV-ONLY token key as the trusted one.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "tiaojie_test";
    public static final String USER = "tiaojie_test";
    public static final String PASSWORD = "test-only-password";

    private static LocalPostgres postgres;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            postgres = LocalPostgres.startEphemeral();
            postgres.ensureDatabase(DATABASE, USER, PASSWORD);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "quarkus.datasource.username", USER,
                "quarkus.datasource.password", PASSWORD,
                "mp.jwt.verify.publickey.location", DevTokens.PUBLIC_KEY_RESOURCE,
                "mp.jwt.verify.issuer", DevTokens.ISSUER,
                "tiaojie.service-token.signing-key-location", DevTokens.PRIVATE_KEY_RESOURCE);
    }

    @Override
    public synchronized void stop() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
