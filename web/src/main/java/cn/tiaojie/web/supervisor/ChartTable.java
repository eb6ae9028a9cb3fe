package cn.tiaojie.web.supervisor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * One chart of the cockpit and the table it draws: the table is the chart's accessible form and its CSV download,
 * so all three come from these rows. Values are the services' numbers (null where there is nothing to measure).
 */
@TemplateData
public record ChartTable(String id, String title, Kind kind, String labelHeader, List<Column> columns,
        List<Row> rows) {

    /** How the chart draws its charted columns: upright bars (months), lying bars (long names), a line. */
    public enum Kind {
        COLUMN("柱状图"), BAR("条形图"), LINE("折线图");

        final String words;

        Kind(String words) {
            this.words = words;
        }
    }

    /** What a column's numbers are, for the table's text and the chart's axis. */
    public enum Unit {
        COUNT, PERCENT, SCORE,
        /** a figure from 0 to 1, such as a Gini coefficient */
        RATIO;

        String text(Object value) {
            if (value == null) {
                return "—";
            }
            double number = ((Number) value).doubleValue();
            return switch (this) {
                case COUNT -> String.valueOf(Math.round(number));
                case PERCENT -> String.format(Locale.ROOT, "%.1f%%", number * 100);
                case SCORE, RATIO -> String.format(Locale.ROOT, "%.2f", number);
            };
        }

        Double chartValue(Object value) {
            if (value == null) {
                return null;
            }
            double number = ((Number) value).doubleValue();
            return this == PERCENT ? Math.round(number * 1000) / 10.0 : number;
        }
    }

    /** A column of numbers; the charted ones are drawn, and share one unit. */
    @TemplateData
    public record Column(String name, Unit unit, boolean charted) {
    }

    /** A row: its label (a month, a category, a role) and one value per column. */
    @TemplateData
    public record Row(String label, List<Object> values) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern NEEDS_QUOTES = Pattern.compile("[\",\r\n]");

    /** The rows as the table shows them: label first, then each column's text. */
    public List<List<String>> cells() {
        return rows.stream().map(row -> {
            List<String> cells = new ArrayList<>();
            cells.add(row.label());
            for (int i = 0; i < columns.size(); i++) {
                cells.add(columns.get(i).unit().text(row.values().get(i)));
            }
            return cells;
        }).toList();
    }

    public List<String> header() {
        List<String> header = new ArrayList<>();
        header.add(labelHeader);
        columns.forEach(c -> header.add(c.name()));
        return header;
    }

    /**
     * The chart's data for static/cockpit.js, as JSON safe inside a {@code <script type="application/json">}
     * element: no {@code <} can close the element early.
     */
    public String chartJson() {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("kind", kind.name().toLowerCase(Locale.ROOT));
        chart.put("unit", chartedColumns().mapToObj(i -> columns.get(i).unit().name().toLowerCase(Locale.ROOT))
                .findFirst().orElse("count"));
        chart.put("labels", rows.stream().map(Row::label).toList());
        chart.put("series", chartedColumns().mapToObj(i -> Map.of("name", columns.get(i).name(),
                "values", rows.stream().map(r -> columns.get(i).unit().chartValue(r.values().get(i)))
                        .collect(Collectors.toList()))).toList());
        try {
            return JSON.writeValueAsString(chart).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the chart shows, in one sentence for its aria-label: the highest and lowest of each charted column. */
    public String summary() {
        if (rows.isEmpty()) {
            return title + "：本期间没有数据。";
        }
        String extremes = chartedColumns().mapToObj(i -> {
            Column column = columns.get(i);
            List<Row> measured = rows.stream().filter(r -> r.values().get(i) != null).toList();
            if (measured.isEmpty()) {
                return column.name() + "无数据";
            }
            Row highest = measured.stream().max((a, b) -> compare(a, b, i)).orElseThrow();
            Row lowest = measured.stream().min((a, b) -> compare(a, b, i)).orElseThrow();
            return column.name() + "最高为" + highest.label() + " " + column.unit().text(highest.values().get(i))
                    + "，最低为" + lowest.label() + " " + column.unit().text(lowest.values().get(i));
        }).collect(Collectors.joining("；"));
        return kind.words + "：" + title + "，共 " + rows.size() + " 项；" + extremes
                + "。数据见下表。";
    }

    /** The table as CSV for Excel: a UTF-8 byte order mark (or Excel misreads Chinese), CRLF line ends. */
    public String csv() {
        StringBuilder csv = new StringBuilder("\uFEFF");
        csv.append(csvLine(header()));
        cells().forEach(cells -> csv.append(csvLine(cells)));
        return csv.toString();
    }

    private IntStream chartedColumns() {
        return IntStream.range(0, columns.size()).filter(i -> columns.get(i).charted());
    }

    private static int compare(Row a, Row b, int column) {
        return Double.compare(((Number) a.values().get(column)).doubleValue(),
                ((Number) b.values().get(column)).doubleValue());
    }

    private static String csvLine(List<String> cells) {
        return cells.stream().map(ChartTable::csvCell).collect(Collectors.joining(",")) + "\r\n";
    }

    private static String csvCell(String text) {
        // a leading = + - @ would make Excel read the cell as a formula
        String safe = !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        return NEEDS_QUOTES.matcher(safe).find() ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
