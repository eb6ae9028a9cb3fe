package cn.tiaojie.mediator.grpc;

import cn.tiaojie.contracts.common.v1.Party;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.service.TeamAsked;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.grpc.ProtoTime;

/** A {@code RequestTeam} message as the request {@link cn.tiaojie.mediator.service.TeamFormation} takes. */
public final class TeamRequests {

    private TeamRequests() {
    }

    public static TeamAsked of(TeamRequest request) {
        AreaLevel level = request.getLevelValue() < 1 || request.getLevelValue() > 4 ? null
                : AreaLevel.valueOf(request.getLevel().name());
        return new TeamAsked(request.getCaseId(), request.getCaseNo(), request.getSubcategory(),
                request.getAreaCode(), level, request.getCenterCode(), request.getRiskFlagsList(),
                ProtoTime.toInstant(request.getDeadline()),
                request.getPartiesList().stream().map(TeamRequests::party).toList());
    }

    private static TeamAsked.Party party(Party p) {
        return new TeamAsked.Party(p.getPartyId(), p.getRole().name(), p.getName(), p.getLanguage(),
                p.getOrganization(), p.getIdNumber(), p.getPhone());
    }
}
