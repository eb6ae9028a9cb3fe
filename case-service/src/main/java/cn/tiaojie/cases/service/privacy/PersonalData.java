package cn.tiaojie.cases.service.privacy;

import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.PartyKind;
import cn.tiaojie.platform.privacy.PersonalDataCipher;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parties' personal information: validation and normalisation of phone and ID numbers, sealing them for storage,
 * opening them for those who need them, and the keyed hashes that find the same person again.
 */
@ApplicationScoped
public class PersonalData {

    public static final String PHONE_FIELD = "party.phone";
    public static final String ID_NUMBER_FIELD = "party.id_number";
    public static final String MEDIATOR_PHONE_FIELD = "team_member.phone";
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK_DIGITS = "10X98765432";

    private final PersonalDataCipher cipher;

    PersonalData(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    /** A resident ID number (GB 11643): 17 digits with a valid birth date, then the ISO 7064 check character. */
    public static boolean isValidIdNumber(String id) {
        if (id == null || !id.matches("\\d{17}[0-9Xx]")) {
            return false;
        }
        if (birthDate(id).isEmpty()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == ID_CHECK_DIGITS.charAt(sum % 11);
    }

    /** The birth date an ID number carries, if it is a real date in the past. */
    public static Optional<LocalDate> birthDate(String id) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            return date.isAfter(LocalDate.now()) || date.getYear() < 1900 ? Optional.empty() : Optional.of(date);
        } catch (DateTimeException | NumberFormatException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** Age in whole years from an ID number's birth date. */
    public static Optional<Integer> ageOf(String idNumber, LocalDate today) {
        return birthDate(idNumber).map(b -> Period.between(b, today).getYears());
    }

    public String seal(String field, String plain) {
        return cipher.encrypt(field, plain);
    }

    public String phone(Party p) {
        return cipher.decrypt(PHONE_FIELD, p.phone);
    }

    public String mediatorPhone(CaseTeamMember m) {
        return cipher.decrypt(MEDIATOR_PHONE_FIELD, m.phone);
    }

    public String idNumber(Party p) {
        return cipher.decrypt(ID_NUMBER_FIELD, p.idNumber);
    }

    public String phoneHash(String normalisedPhone) {
        return cipher.lookupHash("phone", normalisedPhone);
    }

    /** A one-time code as stored: keyed to its row, so equal codes of two rows differ and a row cannot be reused. */
    public String codeHash(java.util.UUID codeId, String code) {
        return cipher.lookupHash("one-time-code", codeId + ":" + code);
    }

    /** A client's network address, only to count what it asks for. */
    /** A resident session's secret as it is looked up: never the secret itself. */
    public String sessionHash(String token) {
        return cipher.lookupHash("resident-session", token);
    }

    public String addressHash(String address) {
        return cipher.lookupHash("address", address == null ? "" : address);
    }

    public String idNumberHash(String idNumber) {
        return idNumber == null ? null : cipher.lookupHash("id", idNumber.toUpperCase(Locale.ROOT));
    }

    /** Who a party is, for telling whether two disputes are between the same people: ID, else phone, else name. */
    public String identity(PartyKind kind, String name, String idHash, String phoneHash) {
        if (idHash != null) {
            return "id:" + idHash;
        }
        if (phoneHash != null) {
            return "phone:" + phoneHash;
        }
        return "name:" + cipher.lookupHash("name", kind + ":" + name.strip().replaceAll("\\s+", ""));
    }

    /** One hash for a set of party identities, whatever their order or roles. */
    public String partiesHash(Collection<String> identities) {
        return cipher.lookupHash("parties", identities.stream().sorted().distinct().collect(Collectors.joining(",")));
    }

    /** How every value sealed under the active key begins. */
    public String activeKeyPrefix() {
        return cipher.activePrefix();
    }

    public boolean needsResealing(String stored) {
        return cipher.needsRotation(stored);
    }

    /** A value as stored now, sealed again under the active key (plain legacy values are sealed as they are). */
    public String reseal(String field, String stored) {
        if (stored == null) {
            return null;
        }
        String plain = PersonalDataCipher.isSealed(stored) ? cipher.decrypt(field, stored) : stored;
        return cipher.encrypt(field, plain);
    }
}
