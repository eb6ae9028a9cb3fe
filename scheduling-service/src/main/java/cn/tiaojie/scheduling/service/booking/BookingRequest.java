package cn.tiaojie.scheduling.service.booking;

import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import java.time.Instant;
import java.util.List;

/**
 * A case's request for a hearing, as the booking reads it: who attends (with the contacts their notices go to),
 * the case's deadline and the arrangements asked for (evening, on-site, video, an interpreter and the language). {@code stored} is the request in the form kept with the hearing
 * ({@code hearing.request}), from which the same request is read again for every later notice and move.
 */
public record BookingRequest(String messageId, String caseId, String caseNo, String centerCode, String areaCode,
        List<Member> team, List<Party> parties, Instant deadline, boolean urgent, int durationMinutes,
        boolean preferEvening, boolean onSite, boolean videoAllowed, boolean interpreterNeeded, String interpreterLanguage,
        byte[] stored) {

    /** One seat of the team: a mediator in one role (a mediator may hold several). */
    public record Member(String mediatorId, MediatorRole role, String name, String phone, String email) {
    }

    /** A party of the case and how a notice reaches them. */
    public record Party(String partyId, String name, String phone, String email, String language,
            List<NoticeChannel> preferredChannels) {
    }
}
