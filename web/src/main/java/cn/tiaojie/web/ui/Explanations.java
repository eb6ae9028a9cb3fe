package cn.tiaojie.web.ui;

import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Why matching chose a mediator, in one readable sentence, from the explanation mediator-service keeps with each
 * offer: {@code {why:sentence(offer)}}.
 */
@TemplateExtension(namespace = "why")
public final class Explanations {

    private static final Map<String, String> FACTORS = Map.of("expertise", "擅长此类纠纷", "proximity", "离纠纷发生地近",
            "load", "手头案件少", "language", "会说当事人的语言", "rating", "以往评价好", "rotation", "近期接案少（轮换）");

    private Explanations() {
    }

    public static String sentence(Map<String, Object> offer) {
        if (!(offer.get("explanation") instanceof Map<?, ?> explanation)) {
            return "";
        }
        String role = Labels.role(offer.get("role"));
        if (!"matching".equals(explanation.get("chosenBy"))) {
            return "由工作人员指派。";
        }
        List<String> reasons = new ArrayList<>();
        if (explanation.get("factors") instanceof Map<?, ?> factors) {
            factors.entrySet().stream()
                    .filter(e -> e.getValue() instanceof Number n && n.doubleValue() > 0)
                    .sorted((a, b) -> Double.compare(((Number) b.getValue()).doubleValue(),
                            ((Number) a.getValue()).doubleValue()))
                    .forEach(e -> reasons.add(FACTORS.getOrDefault(e.getKey().toString(), e.getKey().toString())
                            + "（+" + format(((Number) e.getValue()).doubleValue()) + "）"));
        }
        StringBuilder text = new StringBuilder();
        text.append("在 ").append(number(explanation.get("candidates"))).append(" 位符合条件的").append(role)
                .append("中排名第 ").append(number(explanation.get("rank")));
        if (explanation.get("score") instanceof Number score) {
            text.append("，综合得分 ").append(format(score.doubleValue()));
        }
        text.append(reasons.isEmpty() ? "。" : "：" + String.join("、", reasons) + "。");
        if (explanation.get("factors") instanceof Map<?, ?> factors
                && factors.get("repeatParty") instanceof Number repeat && repeat.doubleValue() < 0) {
            text.append("曾参与调解本案当事人的其他案件（").append(format(repeat.doubleValue()))
                    .append("），仍是最合适的人选。");
        }
        if (explanation.get("excludedTotal") instanceof Number excluded && excluded.intValue() > 0) {
            text.append("另有 ").append(excluded.intValue()).append(" 人因利益冲突、不在辖区或已满负荷未被考虑。");
        }
        return text.toString();
    }

    private static String number(Object value) {
        return value instanceof Number n ? Integer.toString(n.intValue()) : "—";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
