package cn.tiaojie.web.supervisor;

import cn.tiaojie.web.ui.Formats;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cockpit's statistics period: whole days in China time, both ends included (as /api/stats reads them), at
 * most {@value #MOST_MONTHS} calendar months so the monthly series costs at most that many calls.
 */
@TemplateData
public record Period(LocalDate from, LocalDate to) {

    static final int MOST_MONTHS = 12;

    /** The last twelve calendar months, this one included, up to today. */
    public static Period lastTwelveMonths() {
        LocalDate today = LocalDate.now(Formats.CHINA);
        return new Period(YearMonth.from(today).minusMonths(MOST_MONTHS - 1).atDay(1), today);
    }

    /** The period the form asked for, or the reason (in Chinese) it cannot be used. */
    public static Result parse(String fromText, String toText) {
        if (blank(fromText) && blank(toText)) {
            return new Result(lastTwelveMonths(), Optional.empty());
        }
        Period fallback = lastTwelveMonths();
        LocalDate from;
        LocalDate to;
        try {
            from = blank(fromText) ? fallback.from() : LocalDate.parse(fromText.strip());
            to = blank(toText) ? fallback.to() : LocalDate.parse(toText.strip());
        } catch (DateTimeParseException e) {
            return new Result(fallback, Optional.of("日期格式不正确，请按“年-月-日”填写。已显示近 12 个月。"));
        }
        if (from.isAfter(to)) {
            return new Result(fallback, Optional.of("开始日期不能晚于结束日期。已显示近 12 个月。"));
        }
        Period period = new Period(from, to);
        if (period.months().size() > MOST_MONTHS) {
            return new Result(fallback, Optional.of("统计期间最多跨 12 个自然月。已显示近 12 个月。"));
        }
        return new Result(period, Optional.empty());
    }

    /** A period and, when the form's dates could not be used, why. */
    public record Result(Period period, Optional<String> problem) {
    }

    /** The calendar months the period touches, each cut to the period. */
    public List<Period> months() {
        List<Period> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.isAfter(YearMonth.from(to)); month = month.plusMonths(1)) {
            LocalDate first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            months.add(new Period(first, last));
        }
        return months;
    }

    /** The month's name as tables and charts show it: 2026年3月. */
    public String monthName() {
        return from.getYear() + "年" + from.getMonthValue() + "月";
    }

    /** The period in words: 2026年1月1日 至 2026年12月4日. */
    public String words() {
        return Formats.date(from.toString()) + " 至 " + Formats.date(to.toString());
    }

    /** The query string that keeps this period on a link (the CSV downloads). */
    public String query() {
        return "?from=" + from + "&to=" + to;
    }

    /** The period's start as an instant with China's offset, as mediator-service's reports take it. */
    public String startInstant() {
        return from.atStartOfDay(Formats.CHINA).toOffsetDateTime().toString();
    }

    /** The instant the period ends (exclusive): the start of the day after {@link #to}. */
    public String endInstant() {
        return to.plusDays(1).atStartOfDay(Formats.CHINA).toOffsetDateTime().toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
