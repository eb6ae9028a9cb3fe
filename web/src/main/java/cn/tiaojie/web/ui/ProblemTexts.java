package cn.tiaojie.web.ui;

import cn.tiaojie.web.client.ApiProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service said was wrong, in the Chinese the pages speak. The services answer in English problem+json; each
 * message they send is matched here, and one that is not known yet gets a plain Chinese sentence for its status.
 */
public final class ProblemTexts {

    private record Rule(Pattern pattern, Function<Matcher, String> chinese) {
    }

    private static final List<Rule> FIELD_MESSAGES = List.of(
            rule("must not be blank|must not be null|must not be empty", m -> "请填写此项"),
            rule("size must be between 2 and (\\d+)", m -> "至少需要申请人和被申请人两方，最多 " + m.group(1) + " 方"),
            rule("size must be between 0 and (\\d+)", m -> "不能超过 " + m.group(1) + " 个字（项）"),
            rule("size must be between (\\d+) and (\\d+)", m -> "须在 " + m.group(1) + " 到 " + m.group(2) + " 之间"),
            rule("must be at most (\\d+) characters", m -> "不能超过 " + m.group(1) + " 个字"),
            rule("must be a valid Chinese mobile or fixed-line number", m -> "手机号码或固定电话号码不正确"),
            rule("must be an 18-character resident ID number.*", m -> "身份证号码不正确（应为 18 位，末位校验码须正确）"),
            rule("must be a well-formed email address", m -> "电子邮箱格式不正确"),
            rule("must be a 6, 9, 12 or 15 digit area code", m -> "行政区划代码应为 6、9、12 或 15 位数字"),
            rule("must be greater than or equal to 0", m -> "不能为负数"),
            rule("numeric value out of bounds.*", m -> "金额最多 12 位整数、2 位小数"),
            rule("must be a language tag such as zh-CN", m -> "语言代码格式不正确（如 zh-CN）"),
            rule("unknown subcategory code", m -> "请选择纠纷类别"),
            rule("unknown category code", m -> "纠纷类别不存在"),
            rule("needs an APPLICANT", m -> "至少需要一位申请人"),
            rule("needs a RESPONDENT", m -> "至少需要一位被申请人"),
            rule("a referral from .* needs its source and reference number", m -> "此来源渠道须填写转办单位和转办编号"),
            rule("no case of your center has this id", m -> "本中心没有这个案件"),
            rule("must not be in the future", m -> "不能晚于今天"),
            rule("must not be before the agreement of (\\S+)", m -> "不能早于达成协议的日期 " + m.group(1)),
            rule("a declined summons needs the department's reason", m -> "部门不予报到时须写明理由"),
            rule("must be a date like .*", m -> "日期格式应为 2026-01-31"),
            rule("must not be after to", m -> "开始日期不能晚于结束日期"),
            rule("must be between (\\d+) and (\\d+)", m -> "须在 " + m.group(1) + " 到 " + m.group(2) + " 之间"),
            rule("starts must be before ends", m -> "开始时间须早于结束时间"),
            rule("overlaps hours\\[\\d+]", m -> "与同一天的另一时段重叠"),
            rule("must be after startsAt", m -> "结束时间须晚于开始时间"),
            rule("must be after opens", m -> "关闭时间须晚于开放时间"),
            rule("must be (greater|less) than.*", m -> "数值超出范围"),
            rule("must be a whole number", m -> "应为整数"),
            rule("must be a number between 0 and 5", m -> "应为 0 到 5 之间的数"),
            rule("must look like M001", m -> "编号应为 M 加 3 到 6 位数字，如 M001"),
            rule("(\\S+) appears twice in the file", m -> "编号 " + m.group(1) + " 在文件中出现了两次"),
            rule("(\\S+) is already in the pool", m -> "编号 " + m.group(1) + " 已在调解员库中"),
            rule("(\\d+) values for (\\d+) columns", m -> "本行有 " + m.group(1) + " 项，表头有 " + m.group(2) + " 列"),
            rule("not a category or subcategory code: (\\S+)", m -> "没有这个纠纷类别：" + m.group(1)),
            rule("unknown column (\\S+);.*", m -> "不认识的列名 " + m.group(1)),
            rule("the column (\\S+) is required", m -> "缺少必填的列 " + m.group(1)),
            rule("is empty.*", m -> "文件是空的：第一行应为表头，之后每行一位调解员"),
            rule("at most (\\d+) rows per import", m -> "每次最多导入 " + m.group(1) + " 行"),
            rule("must be one of .*|must be [A-Z_]+(, [A-Z_]+)* or [A-Z_]+", m -> "请从列表中选择"));

    private static final List<Rule> DETAILS = List.of(
            rule("case \\S+ is \\w+ and cannot become \\w+", m -> "案件的当前状态不允许此操作，请刷新后再试。"),
            rule("case \\S+ is \\w+ and can no longer be escalated", m -> "案件已办结，不能再提级。"),
            rule("case \\S+ is already handled at the county level", m -> "案件已在县级处理，不能再提级。"),
            rule("case \\S+ has no agreement awaiting judicial confirmation", m -> "本案没有待申请司法确认的调解协议。"),
            rule("judicial confirmation had to be applied for by (\\S+)",
                    m -> "司法确认须在 " + m.group(1) + " 前申请，已过期限。"),
            rule("case \\S+ has no outcome yet.*", m -> "案件尚无调解结果，暂不能进行此操作。"),
            rule("already summoned and not yet answered: (.*)", m -> "以下部门已吹哨且尚未报到：" + m.group(1) + "。"),
            rule("the summons of (\\S+) was already answered.*", m -> m.group(1) + " 已答复，不能重复登记。"),
            rule("case \\S+ has no team to hold a hearing", m -> "本案尚未组庭，不能申请排期。"),
            rule("case \\S+ is \\w+; .*", m -> "案件的当前状态不允许此操作。"));

    private ProblemTexts() {
    }

    private static Rule rule(String regex, Function<Matcher, String> chinese) {
        return new Rule(Pattern.compile(regex), chinese);
    }

    /** The field errors of a 400, keyed by the field as the form names its input, in Chinese. */
    public static Map<String, String> fieldErrors(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            errors.merge(error.field(), fieldMessage(error.message()), (a, b) -> a.equals(b) ? a : a + "；" + b);
        }
        return errors;
    }

    public static String fieldMessage(String message) {
        return translate(FIELD_MESSAGES, message).orElse("填写有误，请检查");
    }

    /** The pool CSV's columns as the import report names them; an index ("languages[1]") is dropped. */
    private static final Map<String, String> IMPORT_FIELDS = Map.ofEntries(Map.entry("id", "编号"),
            Map.entry("name", "姓名"), Map.entry("role", "角色"), Map.entry("areaCode", "所在地区"),
            Map.entry("organization", "单位"), Map.entry("organizationKind", "单位类型"), Map.entry("phone", "手机号码"),
            Map.entry("email", "电子邮箱"), Map.entry("languages", "语言"), Map.entry("expertise", "擅长类别"),
            Map.entry("capacity", "同时办案上限"), Map.entry("rating", "评分"), Map.entry("status", "状态"),
            Map.entry("channels", "通知方式"), Map.entry("row", "本行"), Map.entry("header", "表头"),
            Map.entry("file", "文件"));

    public static String importField(String field) {
        String name = field == null ? "" : field.replaceAll("\\[\\d+]$", "");
        return IMPORT_FIELDS.getOrDefault(name, name);
    }

    /** Why a whole file was refused: each of its errors, or the problem's detail when it names none. */
    public static String fileMessage(ApiProblem problem) {
        if (problem.status() == 413) {
            return "文件过大。";
        }
        if (problem.errors().isEmpty()) {
            return fieldMessage(problem.detail());
        }
        return String.join("；", problem.errors().stream()
                .map(e -> importField(e.field()) + "：" + fieldMessage(e.message())).toList());
    }

    /** One sentence for the top of the page. */
    public static String summary(ApiProblem problem) {
        return switch (problem.status()) {
            case 400 -> problem.errors().isEmpty() ? "提交的内容有误：" + fieldMessage(problem.detail()) : "请更正标出的各项后再提交。";
            case 401 -> "登录已过期，请重新登录。";
            case 403 -> "您没有权限进行此操作。";
            case 404 -> "没有找到该记录，或您无权查看。";
            case 409 -> translate(DETAILS, problem.detail()).orElse("此操作与案件的当前状态冲突，请刷新后再试。");
            case 412 -> "案件已被他人更新，页面已显示最新情况，请核对后重新操作。";
            case 413 -> "提交的内容过大。";
            case 429 -> "操作过于频繁，请稍后再试。";
            default -> "服务暂时不可用，请稍后再试。";
        };
    }

    private static java.util.Optional<String> translate(List<Rule> rules, String message) {
        if (message == null) {
            return java.util.Optional.empty();
        }
        for (Rule rule : rules) {
            Matcher m = rule.pattern().matcher(message.strip());
            if (m.matches()) {
                return java.util.Optional.of(rule.chinese().apply(m));
            }
        }
        return java.util.Optional.empty();
    }
}
