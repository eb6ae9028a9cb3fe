package cn.tiaojie.testsupport;

import cn.tiaojie.local.DevTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link PostgresTestResource} for a {@code @QuarkusIntegrationTest}: the packaged service runs as its own process,
 * whose class path holds none of the test keys, so the DEV-ONLY keys are handed to it as files.
 */
public class PackagedServiceResource extends PostgresTestResource {

    @Override
    public synchronized Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        try {
            Path keys = Files.createTempDirectory("tiaojie-it-keys");
            Path publicKey = Files.writeString(keys.resolve("DEV-ONLY-jwt-public.pem"), DevTokens.publicKeyPem());
            Path privateKey = Files.writeString(keys.resolve("DEV-ONLY-jwt-private.pem"), DevTokens.privateKeyPem());
            publicKey.toFile().deleteOnExit();
            privateKey.toFile().deleteOnExit();
            keys.toFile().deleteOnExit();
            config.put("mp.jwt.verify.publickey.location", publicKey.toUri().toString());
            config.put("tiaojie.service-token.signing-key-location", privateKey.toUri().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
