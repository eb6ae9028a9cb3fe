package cn.tiaojie.web.supervisor;

import static cn.tiaojie.web.supervisor.ChartTable.Unit.COUNT;
import static cn.tiaojie.web.supervisor.ChartTable.Unit.PERCENT;
import static cn.tiaojie.web.supervisor.ChartTable.Unit.SCORE;

import cn.tiaojie.web.supervisor.ChartTable.Column;
import cn.tiaojie.web.supervisor.ChartTable.Kind;
import cn.tiaojie.web.supervisor.ChartTable.Unit;
import cn.tiaojie.web.supervisor.CockpitFigures.Source;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The cockpit's charts: which figures of which source each one tables and draws. Ids name the CSV downloads. */
enum CockpitChart {

    CASES_BY_MONTH("cases-by-month", "各月受理案件数", Kind.COLUMN, Source.MONTHS, "月份",
            measure("cases", "受理案件", COUNT, true), measure("concluded", "已办结", COUNT, true),
            measure("resolved", "调解成功", COUNT, true)),
    CASES_BY_CATEGORY("cases-by-category", "各类纠纷案件数", Kind.BAR, Source.CATEGORIES, "纠纷类别",
            measure("cases", "受理案件", COUNT, true), measure("resolved", "调解成功", COUNT, true),
            measure("resolutionRate", "调解成功率", PERCENT, false), measure("onTimeRate", "按期办结率", PERCENT, false),
            measure("meanSatisfaction", "平均满意度（1–5 分）", SCORE, false)),
    ON_TIME_RATE("on-time-rate", "各月按期办结率", Kind.LINE, Source.MONTHS, "月份",
            measure("concluded", "已办结", COUNT, false), measure("onTimeRate", "按期办结率", PERCENT, true)),
    RESOLUTION_RATE("resolution-rate", "各月调解成功率", Kind.LINE, Source.MONTHS, "月份",
            measure("concluded", "已办结", COUNT, false), measure("resolved", "调解成功", COUNT, false),
            measure("resolutionRate", "调解成功率", PERCENT, true)),
    SATISFACTION("satisfaction", "各月当事人满意度", Kind.LINE, Source.MONTHS, "月份",
            measure("ratings", "评价数", COUNT, false), measure("meanSatisfaction", "平均满意度（1–5 分）", SCORE, true)),
    OFFERS_BY_ROLE("offers-by-role", "各角色调解员邀约与谢绝", Kind.BAR, Source.ROLES, "调解员角色",
            measure("mediators", "调解员人数", COUNT, false), measure("offers", "邀约", COUNT, true),
            measure("accepts", "接受", COUNT, true), measure("declines", "谢绝", COUNT, true),
            measure("expiries", "逾期未答复", COUNT, true));

    /** A column of the table and the API field it reads. */
    record Measure(String field, Column column) {
    }

    final String id;
    final String title;
    final Kind kind;
    final Source source;
    final String labelHeader;
    final List<Measure> measures;

    CockpitChart(String id, String title, Kind kind, Source source, String labelHeader, Measure... measures) {
        this.id = id;
        this.title = title;
        this.kind = kind;
        this.source = source;
        this.labelHeader = labelHeader;
        this.measures = List.of(measures);
    }

    static Optional<CockpitChart> byId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    ChartTable table(CockpitFigures figures) {
        List<ChartTable.Row> rows = figures.rows(source).stream().map(row -> new ChartTable.Row(row.label(),
                measures.stream().map(m -> row.figures().get(m.field())).toList())).toList();
        return new ChartTable(id, title, kind, labelHeader, measures.stream().map(Measure::column).toList(), rows);
    }

    private static Measure measure(String field, String name, Unit unit, boolean charted) {
        return new Measure(field, new Column(name, unit, charted));
    }
}
