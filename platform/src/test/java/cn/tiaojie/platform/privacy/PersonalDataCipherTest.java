package cn.tiaojie.platform.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    static final byte[] OLD_KEY = filled(1);
    static final byte[] NEW_KEY = filled(2);
    static final byte[] LOOKUP = filled(3);

    @Test
    void sealsWithTheActiveKeyAndOpensWithTheKeyTheValueNames() {
        PersonalDataCipher old = new PersonalDataCipher(Map.of("k1", OLD_KEY), "k1", LOOKUP);
        String sealed = old.encrypt("party.phone", "13812345678");
        assertTrue(sealed.startsWith("pd1.k1."));
        assertFalse(sealed.contains("13812345678"));
        assertNotEquals(sealed, old.encrypt("party.phone", "13812345678"), "a fresh IV every time");

        Map<String, byte[]> ring = new LinkedHashMap<>();
        ring.put("k1", OLD_KEY);
        ring.put("k2", NEW_KEY);
        PersonalDataCipher rotated = new PersonalDataCipher(ring, "k2", LOOKUP);
        assertEquals("13812345678", rotated.decrypt("party.phone", sealed), "old values stay readable");
        assertTrue(rotated.needsRotation(sealed));
        assertTrue(rotated.encrypt("party.phone", "x").startsWith("pd1.k2."));
    }

    @Test
    void aValueMovedToAnotherFieldOrTamperedWithDoesNotOpen() {
        PersonalDataCipher cipher = new PersonalDataCipher(Map.of("k1", OLD_KEY), "k1", LOOKUP);
        String sealed = cipher.encrypt("party.phone", "13812345678");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("party.id_number", sealed));
        char last = sealed.charAt(sealed.length() - 1);
        String tampered = sealed.substring(0, sealed.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("party.phone", tampered));
    }

    @Test
    void lookupHashesAreKeyedAndStable() {
        PersonalDataCipher a = new PersonalDataCipher(Map.of("k1", OLD_KEY), "k1", LOOKUP);
        PersonalDataCipher b = new PersonalDataCipher(Map.of("k1", OLD_KEY), "k1", filled(4));
        assertEquals(a.lookupHash("id", "330999199001011237"), a.lookupHash("id", "330999199001011237"));
        assertNotEquals(a.lookupHash("id", "330999199001011237"), b.lookupHash("id", "330999199001011237"));
        assertNotEquals(a.lookupHash("id", "x"), a.lookupHash("phone", "x"));
    }

    @Test
    void refusesBadKeysAndDevKeysInProduction() {
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher(Map.of("k1", filled(1, 16)), "k1", LOOKUP));
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher(Map.of("k1", OLD_KEY), "k9", LOOKUP));
        assertThrows(IllegalArgumentException.class, () -> new PersonalDataCipher(Map.of("k1", OLD_KEY), "k1", filled(1, 8)));
    }

    static byte[] filled(int value) {
        return filled(value, 32);
    }

    static byte[] filled(int value, int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
