package cn.tiaojie.web.resident;

import cn.tiaojie.web.client.ApiProblem;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The online form's fields and what a resident is told about each, in plain words. */
final class ApplicationTexts {

    static final List<String> FIELDS = List.of("centerCode", "category", "whatHappened", "place", "amount",
            "otherSideName", "otherSidePhone", "applicantName", "phone", "code");
    private static final List<String> REQUIRED = List.of("category", "whatHappened", "otherSideName", "applicantName",
            "phone", "code");

    private static final Map<String, String> TEXTS = Map.of(
            "category", "请选一项：您遇到了什么事。",
            "whatHappened", "请用几句话说说发生了什么（2000 字以内）。",
            "place", "地点请写短一些（200 字以内）。",
            "amount", "钱数请只写数字，例如 5000；没有可以不写。",
            "otherSideName", "请写对方的名字（或单位名称）。",
            "otherSidePhone", "对方电话不对，请再看一下；不知道可以不写。",
            "applicantName", "请写您的名字。",
            "phone", "请写您的手机号，例如 13812345678。",
            "code", "请先点“获取验证码”，再把短信里的 6 位数字填在这里。");

    private ApplicationTexts() {
    }

    static String text(String field) {
        return TEXTS.get(field);
    }

    static Map<String, String> missing(Map<String, String> values) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : REQUIRED) {
            if (values.get(field).isEmpty()) {
                errors.put(field, TEXTS.get(field));
            }
        }
        if (!values.get("category").isEmpty() && PlainCategories.find(values.get("category")).isEmpty()) {
            errors.put("category", TEXTS.get("category"));
        }
        return errors;
    }

    static BigDecimal amount(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(text.replace(",", "").replace("元", "").strip());
            return amount.signum() < 0 ? null : amount;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String masked(String phone) {
        String digits = phone.replaceAll("\\D", "");
        return digits.length() < 7 ? "****" : digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    /** What case-service's refusal means for the resident, beside the field it names. */
    static Map<String, String> refusal(ApiProblem e) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (e.status() == 409) {
            Object caseNo = e.errors().stream().filter(f -> f.field().equals("caseNo")).map(ApiProblem.FieldError::message)
                    .findFirst().orElse("");
            errors.put("form", "这件事您已经申请过了，案号 " + caseNo + "。不用再申请，工作人员会联系您。");
            return errors;
        }
        for (ApiProblem.FieldError error : e.errors()) {
            String field = error.field().replaceFirst("^[a-z]+\\.", "");
            errors.putIfAbsent(field, words(field, error.message(), e.status()));
        }
        if (errors.isEmpty()) {
            errors.put("form", "申请没有提交成功，请检查后再试，或打电话给调解中心。");
        }
        return errors;
    }

    private static String words(String field, String message, int status) {
        String m = message == null ? "" : message;
        if (field.equals("code")) {
            if (m.startsWith("wrong code")) {
                return "验证码不对，请再看一下短信。还可以试 " + m.replaceAll("\\D", "") + " 次。";
            }
            if (m.startsWith("expired")) {
                return "验证码已经过期（5 分钟内有效），请点“获取验证码”重新获取。";
            }
            if (m.startsWith("too many")) {
                return "验证码输错太多次，已经作废。请点“获取验证码”重新获取。";
            }
            return TEXTS.get("code");
        }
        if (status == 429 && field.equals("phone")) {
            return "这个手机号一小时内已经获取过 3 次验证码，请过一小时再试，或打电话给调解中心。";
        }
        if (status == 429) {
            return "您这里一小时内获取验证码的次数太多了，请过一小时再试，或打电话给调解中心。";
        }
        return TEXTS.getOrDefault(field, "这一项填得不对，请再看一下。");
    }
}
