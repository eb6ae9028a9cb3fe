package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.MediatorStatus;
import cn.tiaojie.mediator.model.OrganizationKind;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Onboards a county's pool from a CSV file (UTF-8, a header row, comma-separated, double quotes around values with
 * commas). Lists inside a cell (languages, expertise, channels) are separated by ';'. Every good row is added; every
 * bad row is reported with its line and each bad field, and nothing of it is written.
 */
@ApplicationScoped
public class PoolImport {

    public static final List<String> COLUMNS = List.of("id", "name", "role", "areaCode", "organization",
            "organizationKind", "phone", "email", "languages", "expertise", "capacity", "rating", "status", "channels");
    private static final Set<String> REQUIRED = Set.of("id", "name", "role", "areaCode", "capacity");
    public static final int MOST_ROWS = 5000;

    public record RejectedRow(int line, String id, List<Problem.FieldError> errors) {
    }

    public record Report(int rows, int imported, boolean dryRun, List<String> importedIds, List<RejectedRow> rejected) {
    }

    private final MediatorPool pool;
    private final Validator validator;

    PoolImport(MediatorPool pool, Validator validator) {
        this.pool = pool;
        this.validator = validator;
    }

    @Transactional
    public Report importCsv(String csv, boolean dryRun) {
        List<List<String>> records = parse(csv == null ? "" : csv.replace("\uFEFF", ""));
        if (records.isEmpty()) {
            throw ProblemException.badRequest("file", "is empty: a header row and one row per mediator are expected");
        }
        List<String> header = records.get(0).stream().map(String::strip).toList();
        List<Problem.FieldError> headerErrors = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!COLUMNS.contains(header.get(i))) {
                headerErrors.add(new Problem.FieldError("header[" + i + "]", "unknown column " + header.get(i)
                        + "; the columns are " + String.join(",", COLUMNS)));
            }
        }
        REQUIRED.stream().filter(c -> !header.contains(c)).sorted()
                .forEach(c -> headerErrors.add(new Problem.FieldError("header", "the column " + c + " is required")));
        if (!headerErrors.isEmpty()) {
            throw new ProblemException(400, "Invalid request", "the CSV header is not usable", headerErrors);
        }
        if (records.size() - 1 > MOST_ROWS) {
            throw ProblemException.badRequest("file", "at most " + MOST_ROWS + " rows per import");
        }
        List<RejectedRow> rejected = new ArrayList<>();
        List<String> imported = new ArrayList<>();
        Set<String> idsInFile = new HashSet<>();
        int rows = 0;
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(String::isBlank)) {
                continue;
            }
            rows++;
            int line = r + 1;
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < record.size(); c++) {
                cells.put(header.get(c), record.get(c).strip());
            }
            List<Problem.FieldError> errors = new ArrayList<>();
            if (record.size() != header.size()) {
                errors.add(new Problem.FieldError("row", record.size() + " values for " + header.size() + " columns"));
            }
            MediatorProfile request = request(cells, errors);
            Set<String> unreadable = new HashSet<>(errors.stream().map(Problem.FieldError::field).toList());
            for (ConstraintViolation<MediatorProfile> v : validator.validate(request)) {
                String field = v.getPropertyPath().toString();
                if (!unreadable.contains(field)) {
                    errors.add(new Problem.FieldError(field, v.getMessage()));
                }
            }
            errors.addAll(pool.unknownExpertise(request));
            String id = cells.get("id");
            if (id != null && !id.isBlank() && !idsInFile.add(id)) {
                errors.add(new Problem.FieldError("id", id + " appears twice in the file"));
            } else if (id != null && !id.isBlank() && Mediator.findById(id) != null) {
                errors.add(new Problem.FieldError("id", id + " is already in the pool"));
            }
            if (!errors.isEmpty()) {
                rejected.add(new RejectedRow(line, id, errors));
                continue;
            }
            if (!dryRun) {
                pool.newMediator(request).persist();
            }
            imported.add(request.id());
        }
        return new Report(rows, imported.size(), dryRun, imported, rejected);
    }

    /** The row as a request; a cell that cannot be read is left empty and already reported in errors. */
    private static MediatorProfile request(Map<String, String> cells, List<Problem.FieldError> errors) {
        MediatorRole role = enumCell(MediatorRole.class, "role", cells, errors);
        OrganizationKind kind = enumCell(OrganizationKind.class, "organizationKind", cells, errors);
        MediatorStatus status = enumCell(MediatorStatus.class, "status", cells, errors);
        Integer capacity = null;
        BigDecimal rating = null;
        try {
            capacity = blank(cells.get("capacity")) ? null : Integer.valueOf(cells.get("capacity"));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError("capacity", "must be a whole number"));
        }
        try {
            rating = blank(cells.get("rating")) ? null : new BigDecimal(cells.get("rating"));
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError("rating", "must be a number between 0 and 5"));
        }
        return new MediatorProfile(cells.get("id"), cells.get("name"), role, cells.get("areaCode"),
                emptyToNull(cells.get("organization")), kind, emptyToNull(cells.get("phone")),
                emptyToNull(cells.get("email")), list(cells.get("languages")), list(cells.get("expertise")), capacity,
                rating, status, list(cells.get("channels")), null);
    }

    private static <E extends Enum<E>> E enumCell(Class<E> type, String column, Map<String, String> cells,
            List<Problem.FieldError> errors) {
        String value = cells.get(column);
        if (blank(value)) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(column, "must be one of " + Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static List<String> list(String cell) {
        return blank(cell) ? null : Arrays.stream(cell.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** RFC 4180 records: quoted values may hold commas, line breaks and doubled quotes. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    value.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    value.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(value.toString());
                value.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(value.toString());
                value.setLength(0);
                records.add(record);
                record = new ArrayList<>();
                any = false;
            } else {
                value.append(c);
            }
        }
        if (any) {
            record.add(value.toString());
            records.add(record);
        }
        return records;
    }
}
