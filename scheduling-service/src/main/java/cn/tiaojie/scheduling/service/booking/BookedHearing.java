package cn.tiaojie.scheduling.service.booking;

import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.scheduling.model.Hearing;
import cn.tiaojie.scheduling.model.HearingParticipant;
import cn.tiaojie.scheduling.model.HearingStatus;
import cn.tiaojie.scheduling.model.ParticipantKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A case's hearing as the booking answers it: when, where and with which team. */
public record BookedHearing(UUID id, UUID caseId, HearingStatus status, Instant startsAt, Instant endsAt,
        UUID venueId, String venueName, String venueAddress, List<Seat> team, boolean withinDeadline) {

    /** A mediator of the hearing in one of their roles. */
    public record Seat(String mediatorId, String name, MediatorRole role) {
    }

    /** Read inside the transaction that loaded the hearing. */
    public static BookedHearing of(Hearing h) {
        return new BookedHearing(h.id, h.caseId, h.status, h.startsAt, h.endsAt, h.venue.id, h.venue.name,
                h.venue.address, team(h), h.withinDeadline);
    }

    private static List<Seat> team(Hearing h) {
        List<Seat> team = new ArrayList<>();
        for (HearingParticipant p : h.participants) {
            if (p.kind != ParticipantKind.MEDIATOR) {
                continue;
            }
            String roles = p.role == null ? "" : p.role;
            for (String role : Arrays.stream(roles.split(",")).filter(r -> !r.isBlank()).toList()) {
                team.add(new Seat(p.participantId, p.name, MediatorRole.valueOf(role)));
            }
        }
        return team;
    }
}
