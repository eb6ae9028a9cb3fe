package cn.tiaojie.mediator.service;

import cn.tiaojie.platform.area.AreaLevel;
import java.time.Instant;
import java.util.List;

/**
 * A case asking for a team, as case-service sends it; checked by {@link TeamFormation#requestTeam}. {@code level}
 * and {@code deadline} are null when the request named none; blank texts stand for "not given".
 */
public record TeamAsked(String caseId, String caseNo, String subcategory, String areaCode, AreaLevel level,
        String centerCode, List<String> riskFlags, Instant deadline, List<Party> parties) {

    /** A party of the case: {@code role} is the party's role name; ID number and phone feed the conflict rules. */
    public record Party(String partyId, String role, String name, String language, boolean organization,
            String idNumber, String phone) {
    }
}
