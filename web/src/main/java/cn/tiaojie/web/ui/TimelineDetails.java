package cn.tiaojie.web.ui;

import cn.tiaojie.web.client.Taxonomy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A timeline entry's detail in Chinese: case-service records its own events in a compact technical form ("LAWYER
 * 郭伟, SOCIAL_WORKER 萧婷", "2026-12-08T08:30 @ 第一调解室"); what people typed (reasons, notes) is shown as typed.
 * A detail that is neither known nor Chinese is left out rather than shown in English.
 */
@ApplicationScoped
@Named("timeline")
public class TimelineDetails {

    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern HEARING = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(?::\\d{2})? @ (.+?)( \\(after the deadline\\))?");
    private static final Pattern ESCALATED = Pattern.compile("([A-Z]+) → ([A-Z]+): (.*)", Pattern.DOTALL);
    /** "A, B within 72 h" (one deadline for all), or "A 24 h, B 72 h" (each department's own) */
    private static final Pattern SUMMONED = Pattern.compile("(.+) within (\\d+) h");
    private static final Pattern SUMMONED_EACH = Pattern.compile("([A-Z_]+) (\\d+) h");
    /** "CODE[ via PHONE|LINK][ attendee NAME at INSTANT][: note]" */
    private static final Pattern ANSWER = Pattern.compile(
            "([A-Z_]+)(?: via (PHONE|LINK))?(?: attendee (.+?) at (\\S+?))?(?:: (.*))?", Pattern.DOTALL);
    private static final Pattern FOLLOW_UP_DUE = Pattern.compile("performance deadline (\\S+) passed; follow up by (\\S+)");
    private static final Pattern DUE = Pattern.compile("(?:step )?([A-Z_]+) due (\\S+)");

    private final Taxonomy taxonomy;

    TimelineDetails(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public String detail(Map<String, Object> event) {
        String type = String.valueOf(event.get("type"));
        Object raw = event.get("detail");
        if (raw == null) {
            return "";
        }
        String detail = raw.toString();
        Matcher m;
        switch (type) {
            case "RECEIVED" -> {
                return detail.startsWith("registered from ")
                        ? "来源：" + Labels.channel(detail.substring("registered from ".length())) : shown(detail);
            }
            case "DISPATCHED", "HEARING_REQUESTED", "NOTICE_ACKNOWLEDGED" -> {
                return "";
            }
            case "TEAM_ASSIGNED" -> {
                if (detail.equals("waiting for a new hearing")) {
                    return "调解会已取消，等待重新排期";
                }
                return Arrays.stream(detail.split(", ")).map(member -> {
                    int space = member.indexOf(' ');
                    return space < 0 ? member : Labels.role(member.substring(0, space)) + member.substring(space);
                }).collect(Collectors.joining("、"));
            }
            case "HEARING_SCHEDULED" -> {
                m = HEARING.matcher(detail);
                return m.matches() ? m.group(1) + " " + m.group(2) + "，" + m.group(3) + (m.group(4) != null ? "（晚于办结期限）" : "")
                        : shown(detail);
            }
            case "HEARING_CANCELLED" -> {
                int colon = detail.indexOf(": ");
                return colon < 0 ? "" : "原因：" + shown(detail.substring(colon + 2).replaceAll(" \\(the case is .*\\)$", ""));
            }
            case "ESCALATED" -> {
                m = ESCALATED.matcher(detail);
                return m.matches() ? Labels.level(m.group(1)) + " → " + Labels.level(m.group(2)) + "：" + m.group(3)
                        : shown(detail);
            }
            case "SUMMONED" -> {
                m = SUMMONED.matcher(detail);
                if (m.matches()) {
                    return Arrays.stream(m.group(1).split(", ")).map(taxonomy::name).collect(Collectors.joining("、"))
                            + "，限 " + m.group(2) + " 小时内报到";
                }
                List<String> each = new ArrayList<>();
                for (String part : detail.split(", ")) {
                    Matcher one = SUMMONED_EACH.matcher(part);
                    if (!one.matches()) {
                        return shown(detail);
                    }
                    each.add(taxonomy.name(one.group(1)) + "（限 " + one.group(2) + " 小时内报到）");
                }
                return String.join("、", each);
            }
            case "SUMMONS_REPORTED", "SUMMONS_DECLINED" -> {
                m = ANSWER.matcher(detail);
                if (!m.matches()) {
                    return shown(detail);
                }
                String via = m.group(2) == null ? "" : m.group(2).equals("PHONE") ? "（电话答复，工作人员登记）" : "（通过通知链接答复）";
                String who = m.group(3) == null ? "" : "：" + m.group(3) + "，" + Formats.time(m.group(4)) + " 到达";
                String note = m.group(5) == null ? "" : (who.isEmpty() ? "：" : "；") + m.group(5);
                return taxonomy.name(m.group(1)) + via + who + note;
            }
            case "FOLLOW_UP_DUE" -> {
                m = FOLLOW_UP_DUE.matcher(detail);
                return m.matches() ? "协议履行期限 " + Formats.date(m.group(1)) + " 已过，请于 " + Formats.time(m.group(2))
                        + " 前回访" : shown(detail);
            }
            case "SUMMONS_OVERDUE", "SUMMONS_REMINDED" -> {
                m = DUE.matcher(detail);
                return m.matches() ? taxonomy.name(m.group(1)) + "，报到期限 " + Formats.time(m.group(2)) : shown(detail);
            }
            case "RESOLVED" -> {
                if (detail.startsWith("agreement")) {
                    String by = detail.replaceAll("^agreement(, judicial confirmation by (\\S+))?$", "$2");
                    return "达成调解协议" + (by.isEmpty() ? "" : "，须在 " + Formats.date(by) + " 前申请司法确认");
                }
                return shown(detail);
            }
            case "UNRESOLVED" -> {
                return detail.startsWith("referred to ")
                        ? "引导至" + Labels.referralRoute(detail.substring("referred to ".length())) : shown(detail);
            }
            case "RATED" -> {
                return detail.replaceAll("^(\\d)/5$", "$1 分（满分 5 分）");
            }
            case "FOLLOWED_UP" -> {
                String[] parts = detail.split(", ", 2);
                String performed = parts.length < 2 ? "" : parts[1].equals("agreement performed") ? "，协议已履行" : "，协议未履行";
                return Labels.followUpMethod(parts[0]) + performed;
            }
            default -> {
                if (type.startsWith("SUPERVISION_") || type.startsWith("REMIND_")) {
                    m = DUE.matcher(detail);
                    return m.matches() ? Labels.step(m.group(1)) + "环节期限 " + Formats.time(m.group(2)) : shown(detail);
                }
                return shown(detail);
            }
        }
    }

    private static String shown(String detail) {
        return CJK.matcher(detail).find() ? detail : "";
    }
}
