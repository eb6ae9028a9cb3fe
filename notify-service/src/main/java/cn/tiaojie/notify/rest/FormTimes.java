package cn.tiaojie.notify.rest;

import cn.tiaojie.notify.service.intake.NoticeRenderer;
import cn.tiaojie.platform.problem.ProblemException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** A date and time typed into a form: ISO with an offset, or without one in Beijing time (a datetime-local input). */
final class FormTimes {

    private FormTimes() {
    }

    /** Null when empty; 400 naming the field when it is no date and time. */
    static Instant parse(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value).atZone(NoticeRenderer.LOCAL_TIME).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.badRequest(field, "must be a date and time such as 2026-12-07T15:30");
            }
        }
    }
}
