package cn.tiaojie.web.staff;

import cn.tiaojie.web.ui.TypedNumbers;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** The case page's action forms: which API each posts to, the body it builds and what the page says once done. */
final class CaseActionForms {

    enum Target {
        CASE, SUMMONS, SUMMONS_ANSWER, FOLLOW_UP, HEARING
    }

    /** One action: its name in the page's form URL, the API path segment, and how its body is built. */
    record Action(String name, Target target, String path, String done,
            Function<MultivaluedMap<String, String>, Map<String, Object>> bodyOf) {

        Map<String, Object> body(MultivaluedMap<String, String> form) {
            return bodyOf.apply(form);
        }
    }

    private static final List<Action> ACTIONS = List.of(
            new Action("file", Target.CASE, "file", "已立案，正在派遣调解员。", form -> null),
            new Action("reject", Target.CASE, "reject", "已作不予受理处理。", CaseActionForms::reason),
            new Action("withdraw", Target.CASE, "withdraw", "已登记撤回。", CaseActionForms::reason),
            new Action("escalate", Target.CASE, "escalate", "已提级处理，上级督办人员已收到提醒。", CaseActionForms::reason),
            new Action("request-hearing", Target.CASE, "request-hearing", "已申请排期，正在安排调解会。", form -> null),
            new Action("start-mediation", Target.CASE, "start-mediation", "已开始调解。", form -> null),
            new Action("outcome", Target.CASE, "outcome", "已记录调解结果。", CaseActionForms::outcome),
            new Action("judicial-confirmation", Target.CASE, "judicial-confirmation", "已登记司法确认申请。",
                    form -> fields(form, "appliedOn", "court", "reference")),
            new Action("close", Target.CASE, "close", "已结案。", form -> null),
            new Action("summons", Target.SUMMONS, "summons", "已吹哨，被召集的部门须按期报到。", CaseActionForms::summons),
            new Action("summons-answer", Target.SUMMONS_ANSWER, "response", "已登记部门的答复。",
                    form -> fields(form, "response", "note")),
            new Action("follow-ups", Target.FOLLOW_UP, "follow-ups", "已记录回访。", CaseActionForms::followUp),
            new Action("reschedule", Target.HEARING, "reschedule", "已申请改期，正在重新安排调解会。", CaseActionForms::reason),
            new Action("cancel-hearing", Target.HEARING, "cancel", "已取消调解会。", CaseActionForms::reason));

    private CaseActionForms() {
    }

    static Optional<Action> action(String name) {
        return ACTIONS.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    static String doneMessage(String name) {
        return action(name).map(Action::done).orElse(null);
    }

    /** What was typed into the action form that came back with errors, so nothing is lost. */
    @TemplateData
    record Typed(String openAction, MultivaluedMap<String, String> values, Map<String, String> errors) {

        public boolean open(String action) {
            return action.equals(openAction);
        }

        public String value(String action, String field) {
            if (!open(action) || values == null) {
                return "";
            }
            String value = values.getFirst(field);
            return value == null ? "" : value;
        }

        public boolean checked(String action, String field, String value) {
            return open(action) && values != null && values.get(field) != null && values.get(field).contains(value);
        }

        public String error(String action, String field) {
            return open(action) ? errors.get(field) : null;
        }
    }

    private static Map<String, Object> reason(MultivaluedMap<String, String> form) {
        return fields(form, "reason");
    }

    private static Map<String, Object> outcome(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        String result = text(form, "result");
        put(body, "result", result);
        if ("RESOLVED".equals(result)) {
            Map<String, Object> agreement = new LinkedHashMap<>();
            put(agreement, "terms", text(form, "agreement.terms"));
            String amount = text(form, "agreement.amount");
            if (amount != null) {
                agreement.put("amount", TypedNumbers.decimal(amount));
            }
            put(agreement, "performanceDeadline", text(form, "agreement.performanceDeadline"));
            agreement.put("judicialConfirmation", "true".equals(text(form, "agreement.judicialConfirmation")));
            body.put("agreement", agreement);
        } else {
            put(body, "referralRoute", text(form, "referralRoute"));
        }
        put(body, "reason", text(form, "reason"));
        return body;
    }

    private static Map<String, Object> summons(MultivaluedMap<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        List<String> departments = form.get("departments");
        if (departments != null && !departments.isEmpty()) {
            body.put("departments", departments);
        }
        String hours = text(form, "deadlineHours");
        if (hours != null) {
            body.put("deadlineHours", TypedNumbers.integer(hours));
        }
        put(body, "note", text(form, "note"));
        return body;
    }

    private static Map<String, Object> followUp(MultivaluedMap<String, String> form) {
        Map<String, Object> body = fields(form, "method", "note");
        String performed = text(form, "agreementPerformed");
        if (performed != null) {
            body.put("agreementPerformed", "true".equals(performed));
        }
        return body;
    }

    private static Map<String, Object> fields(MultivaluedMap<String, String> form, String... names) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : names) {
            put(body, name, text(form, name));
        }
        return body;
    }

    private static void put(Map<String, Object> body, String name, String value) {
        if (value != null) {
            body.put(name, value);
        }
    }

    private static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

}
