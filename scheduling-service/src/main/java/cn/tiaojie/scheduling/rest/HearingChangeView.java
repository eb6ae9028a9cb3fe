package cn.tiaojie.scheduling.rest;

import cn.tiaojie.scheduling.model.HearingChange;
import java.time.Instant;
import java.util.UUID;

/** One step of a hearing's history. */
public record HearingChangeView(HearingChange.Kind kind, HearingChange.Cause cause, String reason,
        String requestedBy, Instant oldStartsAt, UUID oldVenueId, Instant newStartsAt, Instant newEndsAt,
        UUID newVenueId, int sequence, Instant changedAt) {

    public static HearingChangeView of(HearingChange c) {
        return new HearingChangeView(c.kind, c.cause, c.reason, c.requestedBy, c.oldStartsAt, c.oldVenueId,
                c.newStartsAt, c.newEndsAt, c.newVenueId, c.sequence, c.changedAt);
    }
}
