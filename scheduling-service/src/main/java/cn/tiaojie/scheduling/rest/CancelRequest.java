package cn.tiaojie.scheduling.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of POST /api/hearings/{id}/cancel. */
public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
}
