package cn.tiaojie.mediator.rest;

import cn.tiaojie.mediator.model.Offer;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * An offer with the case context a mediator needs to decide, and for matching's offers the score with each soft
 * rule's contribution ({@code explanation}).
 */
public record OfferView(UUID id, UUID teamId, UUID caseId, String caseNo, String subcategory, String areaCode,
        Instant caseDeadline, String role, String roleName, String mediatorId, String mediatorName, String status,
        BigDecimal score, @JsonRawValue String explanation, String offeredBy, Instant offeredAt, Instant expiresAt,
        Instant respondedAt, String declineReason) {

    public static OfferView of(Offer o) {
        return new OfferView(o.id, o.team.id, o.team.caseId, o.team.caseNo, o.team.subcategory, o.team.areaCode,
                o.team.deadline, o.role.name(), o.role.nameZh(), o.mediator.id, o.mediator.name, o.status.name(),
                o.score, o.explanation, o.offeredBy, o.offeredAt, o.expiresAt, o.respondedAt, o.declineReason);
    }
}
