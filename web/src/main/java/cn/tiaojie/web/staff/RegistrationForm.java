package cn.tiaojie.web.staff;

import cn.tiaojie.web.ui.TypedNumbers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The 受理登记 form as typed: every value kept as text so that nothing a person typed is lost when the service
 * refuses it, and the service's field errors (keyed as the API names its fields) beside each input.
 */
@TemplateData
public class RegistrationForm {

    static final int MAX_PARTIES = 30;

    /** One party's inputs; its field names are the API's ({@code parties[1].phone}). */
    @TemplateData
    public record PartyForm(int index, String role, String kind, String name, String phone, String idNumber,
            String email, String language, List<String> preferredChannels, List<String> vulnerabilities,
            Map<String, String> errors) {

        public String field(String name) {
            return "parties[" + index + "]." + name;
        }

        public String error(String name) {
            return errors.get(field(name));
        }

        public int number() {
            return index + 1;
        }

        public boolean prefers(String channel) {
            return preferredChannels.contains(channel);
        }

        public boolean vulnerable(String group) {
            return vulnerabilities.contains(group);
        }
    }

    public final Map<String, String> values = new LinkedHashMap<>();
    public final List<String> riskFlags = new ArrayList<>();
    public final List<PartyForm> parties = new ArrayList<>();
    public Map<String, String> errors = Map.of();

    /** A new form: an applicant and a respondent, the desk's usual channel, a fresh key against double submits. */
    static RegistrationForm blank() {
        RegistrationForm form = new RegistrationForm();
        form.values.put("channel", "WALK_IN");
        form.values.put("idempotencyKey", UUID.randomUUID().toString());
        form.parties.add(emptyParty(0, "APPLICANT", "PERSON"));
        form.parties.add(emptyParty(1, "RESPONDENT", "PERSON"));
        return form;
    }

    static RegistrationForm read(MultivaluedMap<String, String> posted) {
        RegistrationForm form = new RegistrationForm();
        for (String name : List.of("channel", "subcategory", "areaCode", "summary", "description", "amountInDispute",
                "referral.source", "referral.reference", "linkedCaseId", "idempotencyKey")) {
            form.values.put(name, trimmed(posted.getFirst(name)));
        }
        if (form.values.get("idempotencyKey").isEmpty()) {
            form.values.put("idempotencyKey", UUID.randomUUID().toString());
        }
        List<String> flags = posted.get("riskFlags");
        if (flags != null) {
            form.riskFlags.addAll(flags);
        }
        int count = 0;
        while (count < MAX_PARTIES && posted.containsKey("parties[" + count + "].role")) {
            count++;
        }
        for (int i = 0; i < count; i++) {
            String prefix = "parties[" + i + "].";
            form.parties.add(new PartyForm(i, trimmed(posted.getFirst(prefix + "role")),
                    trimmed(posted.getFirst(prefix + "kind")), trimmed(posted.getFirst(prefix + "name")),
                    trimmed(posted.getFirst(prefix + "phone")), trimmed(posted.getFirst(prefix + "idNumber")),
                    trimmed(posted.getFirst(prefix + "email")), trimmed(posted.getFirst(prefix + "language")),
                    list(posted.get(prefix + "preferredChannels")), list(posted.get(prefix + "vulnerabilities")),
                    Map.of()));
        }
        return form;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean flagged(String riskFlag) {
        return riskFlags.contains(riskFlag);
    }

    public boolean canAddParty() {
        return parties.size() < MAX_PARTIES;
    }

    public boolean canRemoveParty() {
        return parties.size() > 2;
    }

    void addParty() {
        if (canAddParty()) {
            parties.add(emptyParty(parties.size(), "THIRD_PARTY", "PERSON"));
        }
    }

    /** Removes one party; the ones after it move up, so their field names stay dense. */
    void removeParty(int index) {
        if (!canRemoveParty() || index < 0 || index >= parties.size()) {
            return;
        }
        parties.remove(index);
        for (int i = index; i < parties.size(); i++) {
            PartyForm p = parties.get(i);
            parties.set(i, new PartyForm(i, p.role(), p.kind(), p.name(), p.phone(), p.idNumber(), p.email(),
                    p.language(), p.preferredChannels(), p.vulnerabilities(), Map.of()));
        }
    }

    /** Shows the service's field errors beside the inputs they are about. */
    void showErrors(Map<String, String> fieldErrors) {
        errors = Map.copyOf(fieldErrors);
        parties.replaceAll(p -> new PartyForm(p.index(), p.role(), p.kind(), p.name(), p.phone(), p.idNumber(),
                p.email(), p.language(), p.preferredChannels(), p.vulnerabilities(), errors));
    }

    /** The body of POST /api/cases; empty inputs are left out, so the service's own defaults and checks apply. */
    Map<String, Object> toRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        putText(body, "channel", value("channel"));
        putText(body, "subcategory", value("subcategory"));
        putText(body, "areaCode", value("areaCode"));
        putText(body, "summary", value("summary"));
        putText(body, "description", value("description"));
        String amount = value("amountInDispute").replace(",", "").replace("，", "");
        if (!amount.isEmpty()) {
            body.put("amountInDispute", TypedNumbers.decimal(amount));
        }
        if (!riskFlags.isEmpty()) {
            body.put("riskFlags", List.copyOf(riskFlags));
        }
        if (!value("referral.source").isEmpty() || !value("referral.reference").isEmpty()) {
            Map<String, Object> referral = new LinkedHashMap<>();
            putText(referral, "source", value("referral.source"));
            putText(referral, "reference", value("referral.reference"));
            body.put("referral", referral);
        }
        putText(body, "linkedCaseId", value("linkedCaseId"));
        List<Map<String, Object>> partyBodies = new ArrayList<>();
        for (PartyForm p : parties) {
            Map<String, Object> party = new LinkedHashMap<>();
            putText(party, "role", p.role());
            putText(party, "kind", p.kind());
            putText(party, "name", p.name());
            putText(party, "phone", p.phone());
            putText(party, "idNumber", p.idNumber());
            putText(party, "email", p.email());
            putText(party, "language", p.language());
            if (!p.preferredChannels().isEmpty()) {
                party.put("preferredChannels", p.preferredChannels());
            }
            if (!p.vulnerabilities().isEmpty()) {
                party.put("vulnerabilities", p.vulnerabilities());
            }
            partyBodies.add(party);
        }
        body.put("parties", partyBodies);
        return body;
    }

    private static PartyForm emptyParty(int index, String role, String kind) {
        return new PartyForm(index, role, kind, "", "", "", "", "zh-CN", List.of(), List.of(), Map.of());
    }

    private static void putText(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(name, value);
        }
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
