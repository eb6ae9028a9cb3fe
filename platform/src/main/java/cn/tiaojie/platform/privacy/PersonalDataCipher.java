package cn.tiaojie.platform.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.Config;

/**
 * Encrypts personal information (ID numbers, phone numbers) for storage and computes keyed lookup hashes of it.
 *
 * <p>A stored value reads {@code pd1.<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>}: AES-256-GCM with a fresh 96-bit
 * IV, and the field's name as associated data so a value cannot be moved to another column. The key id travels
 * with the value, so old values stay readable after a new active key is configured (rotation: add the new key,
 * make it active, re-encrypt at leisure, then drop the old one). The lookup hash is HMAC-SHA256 under a separate
 * key: equal inputs give equal hashes, which finds duplicates without decrypting anything.
 *
 * <p>Configuration (under a prefix, e.g. {@code tiaojie.privacy}): {@code encryption-keys} = comma-separated
 * {@code id:base64-32-bytes}, {@code active-key-id}, {@code lookup-key} = base64 of at least 32 bytes. Key ids that
 * start with {@code DEV-ONLY} are refused when {@code productionProfile} is set.
 */
public final class PersonalDataCipher {

    public static final String PREFIX = "pd1.";
    public static final String DEV_KEY_MARK = "DEV-ONLY";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey lookupKey;

    /** Looking a cipher or MAC up costs more than using it: one per thread, initialised again for every value. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newLookupMac);

    public PersonalDataCipher(Map<String, byte[]> encryptionKeys, String activeKeyId, byte[] lookupKey) {
        if (encryptionKeys.isEmpty()) {
            throw new IllegalArgumentException("no encryption key configured");
        }
        Map<String, SecretKey> ring = new LinkedHashMap<>();
        encryptionKeys.forEach((id, bytes) -> {
            if (!id.matches("[A-Za-z0-9_-]{1,40}")) {
                throw new IllegalArgumentException("key id must be 1-40 letters, digits, - or _: " + id);
            }
            if (bytes.length != 32) {
                throw new IllegalArgumentException("encryption key " + id + " must be 32 bytes (AES-256)");
            }
            ring.put(id, new SecretKeySpec(bytes, "AES"));
        });
        if (!ring.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("active key id " + activeKeyId + " is not among the configured keys");
        }
        if (lookupKey == null || lookupKey.length < 32) {
            throw new IllegalArgumentException("lookup key must be at least 32 bytes");
        }
        this.keys = Map.copyOf(ring);
        this.activeKeyId = activeKeyId;
        this.lookupKey = new SecretKeySpec(lookupKey, "HmacSHA256");
    }

    /**
     * Reads the keys from configuration under {@code prefix}. Missing keys fail here, at startup, with the
     * property names in the message (never the values); DEV-ONLY keys fail when {@code productionProfile}.
     */
    public static PersonalDataCipher fromConfig(Config config, String prefix, boolean productionProfile) {
        String keyList = config.getOptionalValue(prefix + ".encryption-keys", String.class).orElseThrow(() ->
                new IllegalStateException(prefix + ".encryption-keys is not set: supply id:base64 AES-256 keys"));
        String active = config.getOptionalValue(prefix + ".active-key-id", String.class).orElseThrow(() ->
                new IllegalStateException(prefix + ".active-key-id is not set"));
        String lookup = config.getOptionalValue(prefix + ".lookup-key", String.class).orElseThrow(() ->
                new IllegalStateException(prefix + ".lookup-key is not set: supply a base64 HMAC key of 32+ bytes"));
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : keyList.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException(prefix + ".encryption-keys entries must read id:base64");
            }
            keys.put(trimmed.substring(0, colon), Base64.getDecoder().decode(trimmed.substring(colon + 1)));
        }
        if (productionProfile && keys.keySet().stream().anyMatch(id -> id.startsWith(DEV_KEY_MARK))) {
            throw new IllegalStateException("a " + DEV_KEY_MARK + " personal-data key is configured in production");
        }
        return new PersonalDataCipher(keys, active, Base64.getDecoder().decode(lookup));
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    /** How every value sealed under the active key begins: {@code pd1.<keyId>.}; one that does not needs sealing. */
    public String activePrefix() {
        return PREFIX + activeKeyId + ".";
    }

    /** The stored form of {@code plain} for {@code field}; null stays null. */
    public String encrypt(String field, String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + sealed.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(sealed, 0, out, iv.length, sealed.length);
            return activePrefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not encrypt " + field, e);
        }
    }

    /** The plain value of a stored one; null stays null. Fails on a value not sealed by a known key. */
    public String decrypt(String field, String stored) {
        if (stored == null) {
            return null;
        }
        if (!isSealed(stored)) {
            throw new IllegalArgumentException(field + " is not an encrypted value");
        }
        int dot = stored.indexOf('.', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), dot);
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalStateException(field + " was encrypted with key " + keyId + ", which is not configured");
        }
        try {
            byte[] in = Base64.getUrlDecoder().decode(stored.substring(dot + 1));
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(field + " could not be decrypted (tampered or wrong key)", e);
        }
    }

    /** The key id a stored value was sealed with, if it is sealed. */
    public static Optional<String> keyIdOf(String stored) {
        if (!isSealed(stored)) {
            return Optional.empty();
        }
        return Optional.of(stored.substring(PREFIX.length(), stored.indexOf('.', PREFIX.length())));
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX) && stored.indexOf('.', PREFIX.length()) > PREFIX.length();
    }

    /** True when a stored value should be sealed again under the active key. */
    public boolean needsRotation(String stored) {
        return stored != null && !keyIdOf(stored).filter(activeKeyId::equals).isPresent();
    }

    /** The keyed lookup hash of a normalised value, as 64 hex digits; null stays null. */
    public String lookupHash(String purpose, String normalised) {
        if (normalised == null) {
            return null;
        }
        Mac mac = macs.get();
        mac.update(purpose.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newLookupMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(lookupKey);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
