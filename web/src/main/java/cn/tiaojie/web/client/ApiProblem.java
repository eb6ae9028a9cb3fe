package cn.tiaojie.web.client;

import java.util.List;
import java.util.Map;

/**
 * A service refused a call and said why in problem+json (RFC 9457): its status, title, detail, the field errors
 * of a 400 and, for some answers, more members (a 409 duplicate names the existing case).
 */
public class ApiProblem extends RuntimeException {

    /** One field the service found wrong, as it names the field ({@code parties[0].phone}). */
    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, Object> body;

    public ApiProblem(int status, String title, String detail, List<FieldError> errors, Map<String, Object> body) {
        super(status + " " + title + (detail == null ? "" : ": " + detail), null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
        this.body = Map.copyOf(body);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> body() {
        return body;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    /** The case (or hearing) changed since the page was drawn: If-Match no longer matches. */
    public boolean isStale() {
        return status == 412;
    }
}
