package cn.tiaojie.mediator.model;

import java.util.List;
import java.util.UUID;

/** A team as other services read it: its status and accepted members. */
public record TeamSummary(UUID teamId, UUID caseId, TeamStatus status, List<TeamMember> members) {

    public static TeamSummary of(Team team) {
        return new TeamSummary(team.id, team.caseId, team.status, team.members());
    }
}
