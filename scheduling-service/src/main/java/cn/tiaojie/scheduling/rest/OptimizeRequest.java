package cn.tiaojie.scheduling.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.OffsetDateTime;

/**
 * The body of POST /api/schedule/optimize: the horizon (ISO-8601 with offset) and, for admins, the area; a
 * supervisor's area is their own.
 */
public record OptimizeRequest(@NotNull OffsetDateTime from, @NotNull OffsetDateTime to,
        @Pattern(regexp = "\\d{6}|\\d{9}|\\d{12}|\\d{15}", message = "must be a 6, 9, 12 or 15 digit area code")
        String areaCode) {
}
