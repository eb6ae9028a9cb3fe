package cn.tiaojie.scheduling.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /api/hearings/{id}/reschedule. A resident asks for themselves; staff name the party who asked
 * ({@code partyId}, counted against the case's limit) or leave it out to move the hearing on the center's behalf;
 * a mediator reports a conflict.
 */
public record RescheduleRequest(@NotBlank @Size(max = 500) String reason, @Size(max = 40)
        @Pattern(regexp = "[A-Za-z0-9_-]+", message = "must be a party id") String partyId) {
}
