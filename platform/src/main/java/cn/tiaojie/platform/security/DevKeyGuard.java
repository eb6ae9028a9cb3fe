package cn.tiaojie.platform.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses to start the prod profile with the DEV-ONLY key pair that ships in the repository for tests and the
 * local run: that key is public, so a token it signs proves nothing.
 */
@ApplicationScoped
public class DevKeyGuard {

    /** SHA-256 of the DER encoding of the DEV-ONLY public and private keys (local-infra/dev-keys). */
    static final Set<String> DEV_ONLY_KEY_FINGERPRINTS = Set.of(
            "f13892392ec8a096cb82c9f727bdec8072ecdf587595079dfd089a8ba6651a44",
            "75de0cb3964f5078416334e0c811d003e281d227f1a0818d24df40a197d52e71");

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.profile") String profile,
            @ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> publicKeyLocation,
            @ConfigProperty(name = "mp.jwt.verify.publickey") Optional<String> publicKey,
            ServiceTokenConfig serviceToken) {
        if (!"prod".equals(profile)) {
            return;
        }
        publicKey.ifPresent(pem -> refuseDevKey("mp.jwt.verify.publickey", pem));
        publicKeyLocation.ifPresent(location -> refuseDevKey("mp.jwt.verify.publickey.location", read(location)));
        serviceToken.signingKeyLocation().ifPresent(location -> refuseDevKey("tiaojie.service-token.signing-key-location", read(location)));
    }

    static void refuseDevKey(String property, String pem) {
        if (pem != null && DEV_ONLY_KEY_FINGERPRINTS.contains(fingerprint(pem))) {
            throw new IllegalStateException(property + " names the DEV-ONLY key, which the prod profile refuses: "
                    + "configure your OIDC provider's public key (or JWKS) and this service's own signing key");
        }
    }

    static String fingerprint(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(body);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (IllegalArgumentException e) {
            return HexFormat.of().formatHex(sha256(pem.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String location) {
        try {
            return ResourceUtils.readResource(location);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key at " + location, e);
        }
    }
}
