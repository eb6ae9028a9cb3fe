package cn.tiaojie.scheduling.rest;

import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.ParticipantKind;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A hearing as the REST API shows it: times in UTC (ISO-8601), participants by id, kind and name. */
public record HearingView(UUID id, UUID caseId, String caseNo, String centerCode, HearingStatus status,
        Instant startsAt, Instant endsAt, VenueSummary venue, boolean withinDeadline, boolean urgent,
        List<Participant> participants, boolean provisional, int sequence, Preferences preferences,
        String cancelReason, long version) {

    public record Preferences(boolean preferEvening, boolean onSite, boolean videoAllowed, boolean interpreterNeeded) {
    }

    public record VenueSummary(UUID id, String name, String address) {
    }

    public record Participant(ParticipantKind kind, String id, String name, String role) {
    }

    public static HearingView of(Hearing h) {
        return new HearingView(h.id, h.caseId, h.caseNo, h.centerCode, h.status, h.startsAt, h.endsAt,
                new VenueSummary(h.venue.id, h.venue.name, h.venue.address), h.withinDeadline, h.urgent,
                h.participants.stream().map(p -> new Participant(p.kind, p.participantId, p.name, p.role)).toList(),
                h.notifiedAt == null, h.sequence,
                new Preferences(h.preferEvening, h.onSite, h.videoAllowed, h.interpreterNeeded), h.cancelReason,
                h.version);
    }
}
