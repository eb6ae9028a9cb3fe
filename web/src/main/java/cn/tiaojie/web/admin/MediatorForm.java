package cn.tiaojie.web.admin;

import cn.tiaojie.web.ui.TypedNumbers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool member's form as the administrator fills it in: the values typed (or the member's as they stand) and the
 * errors the service found, keyed by the form's input names, which are the API's field names.
 */
@TemplateData
public record MediatorForm(Map<String, String> values, List<String> languages, List<String> expertise,
        List<String> channels, String version, Map<String, String> errors) {

    private static final List<String> SINGLE = List.of("id", "name", "role", "areaCode", "organization",
            "organizationKind", "phone", "email", "capacity", "rating", "status");

    /** A blank form for a new member: active, five open cases at a time, reached in the app and by SMS. */
    static MediatorForm blank() {
        Map<String, String> values = new LinkedHashMap<>();
        SINGLE.forEach(name -> values.put(name, ""));
        values.put("capacity", "5");
        values.put("status", "ACTIVE");
        return new MediatorForm(values, List.of("zh-CN"), List.of(), List.of("IN_APP", "SMS"), "", Map.of());
    }

    /** The member as mediator-service holds it, with its version for If-Match. */
    @SuppressWarnings("unchecked")
    static MediatorForm of(Map<String, Object> mediator, String version) {
        Map<String, String> values = new LinkedHashMap<>();
        SINGLE.forEach(name -> values.put(name, mediator.get(name) == null ? "" : String.valueOf(mediator.get(name))));
        return new MediatorForm(values, (List<String>) mediator.getOrDefault("languages", List.of()),
                (List<String>) mediator.getOrDefault("expertise", List.of()),
                (List<String>) mediator.getOrDefault("channels", List.of()), version, Map.of());
    }

    static MediatorForm typed(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        SINGLE.forEach(name -> values.put(name, value(form, name)));
        return new MediatorForm(values, list(form, "languages"), list(form, "expertise"), list(form, "channels"),
                value(form, "version"), Map.of());
    }

    MediatorForm withErrors(Map<String, String> found) {
        return new MediatorForm(values, languages, expertise, channels, version, found);
    }

    MediatorForm withStatus(String status) {
        Map<String, String> changed = new LinkedHashMap<>(values);
        changed.put("status", status);
        return new MediatorForm(changed, languages, expertise, channels, version, errors);
    }

    /** The body of POST /api/mediators and PUT /api/mediators/{id}: blank inputs are sent as absent. */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        SINGLE.forEach(name -> body.put(name, blankToNull(values.get(name))));
        body.put("capacity", TypedNumbers.integer(values.get("capacity")));
        body.put("rating", TypedNumbers.decimal(values.get("rating")));
        body.put("languages", languages);
        body.put("expertise", expertise);
        body.put("channels", channels);
        return body;
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean has(String list, String code) {
        return switch (list) {
            case "languages" -> languages.contains(code);
            case "expertise" -> expertise.contains(code);
            default -> channels.contains(code);
        };
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String value(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    private static List<String> list(MultivaluedMap<String, String> form, String name) {
        List<String> values = new ArrayList<>();
        for (String value : form.getOrDefault(name, List.of())) {
            if (value != null && !value.isBlank()) {
                values.add(value.strip());
            }
        }
        return values;
    }
}
