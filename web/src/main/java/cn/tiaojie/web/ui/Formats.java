package cn.tiaojie.web.ui;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Times in Asia/Shanghai and amounts in yuan, as the pages write them: {@code {fmt:time(c.createdAt)}}. */
@TemplateExtension(namespace = "fmt")
public final class Formats {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年M月d日").withZone(CHINA);

    private Formats() {
    }

    /** An instant of the API (ISO-8601, UTC) as Beijing time, to the minute. */
    public static String time(Object iso) {
        Instant instant = instant(iso);
        return instant == null ? "" : TIME.format(instant);
    }

    /** Only the Beijing time of day of an instant, for a day's column or the end of a hearing on its day. */
    public static String hourMinute(Object iso) {
        Instant instant = instant(iso);
        return instant == null ? "" : HOUR_MINUTE.format(instant);
    }

    /** A date of the API (2026-12-31) or the date of an instant, written the Chinese way. */
    public static String date(Object iso) {
        if (iso == null) {
            return "";
        }
        String text = iso.toString();
        if (text.length() == 10) {
            return DATE.format(LocalDate.parse(text).atStartOfDay(CHINA));
        }
        Instant instant = instant(text);
        return instant == null ? text : DATE.format(instant);
    }

    /** How long until (or since) a deadline, in days and hours: "还剩 2 天 3 小时", "已超期 5 小时". */
    public static String remaining(Object iso) {
        Instant deadline = instant(iso);
        if (deadline == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), deadline);
        String prefix = left.isNegative() ? "已超期 " : "还剩 ";
        Duration d = left.abs();
        long days = d.toDays();
        long hours = d.minusDays(days).toHours();
        if (days > 0) {
            return prefix + days + " 天" + (hours > 0 ? " " + hours + " 小时" : "");
        }
        long minutes = d.toMinutes() % 60;
        return prefix + (hours > 0 ? hours + " 小时" : minutes + " 分钟");
    }

    /**
     * The time left to answer, to the second, as static/app.js also writes it each second: "还剩 1 天 02:05:09";
     * "已过答复期限" once it has passed.
     */
    public static String countdown(Object iso) {
        Instant deadline = instant(iso);
        if (deadline == null) {
            return "";
        }
        long seconds = Duration.between(Instant.now(), deadline).toSeconds();
        if (seconds <= 0) {
            return "已过答复期限";
        }
        long days = seconds / 86_400;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", seconds % 86_400 / 3600, seconds % 3600 / 60,
                seconds % 60);
        return "还剩 " + (days > 0 ? days + " 天 " : "") + clock;
    }

    /** A local time of the API ("08:30:00") as the pages write it ("08:30"). */
    public static String clock(Object localTime) {
        String text = localTime == null ? "" : localTime.toString();
        return text.length() > 5 ? text.substring(0, 5) : text;
    }

    /** A rating of 1 to 5 as five stars, the given ones filled: ★★★★☆. */
    public static String stars(Object score) {
        int filled = score instanceof Number n ? Math.max(0, Math.min(5, n.intValue())) : 0;
        return "★".repeat(filled) + "☆".repeat(5 - filled);
    }

    public static String yuan(Object amount) {
        if (amount == null || amount.toString().isBlank()) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.CHINA);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(new BigDecimal(amount.toString())) + " 元";
    }

    public static String percent(Object fraction) {
        if (fraction == null) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.1f%%", Double.parseDouble(fraction.toString()) * 100);
    }

    public static Instant instant(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
