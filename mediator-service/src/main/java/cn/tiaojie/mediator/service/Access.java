package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.security.Caller;
import cn.tiaojie.platform.security.Claims;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may see and change what. Teams: staff of the case's center, supervisors of its area, admins, and mediators
 * who were offered a place on it. A mediator's own calendar and conflicts: that mediator and admins. Something
 * outside the caller's scope answers 404, as if it did not exist.
 */
@ApplicationScoped
public class Access {

    public boolean canSee(Caller caller, Team team) {
        if (caller.is(Claims.ADMIN)) {
            return true;
        }
        if (caller.is(Claims.STAFF) && caller.center().filter(team.centerCode::equals).isPresent()) {
            return true;
        }
        if (caller.is(Claims.SUPERVISOR) && caller.area().filter(a -> AreaCodes.isWithin(team.areaCode, a)).isPresent()) {
            return true;
        }
        return caller.is(Claims.MEDIATOR) && caller.mediatorId()
                .filter(m -> team.offers.stream().anyMatch(o -> o.mediator.id.equals(m))).isPresent();
    }

    public Team visibleTeam(Caller caller, UUID id) {
        Team team = Team.findById(id);
        if (team == null || !canSee(caller, team)) {
            throw ProblemException.notFound("team", id);
        }
        return team;
    }

    /** The team, if the caller is staff of its center or an admin; 403 when they may only look at it. */
    public Team manageableTeam(Caller caller, UUID id) {
        Team team = visibleTeam(caller, id);
        boolean ownCenter = caller.is(Claims.STAFF) && caller.center().filter(team.centerCode::equals).isPresent();
        if (!ownCenter && !caller.is(Claims.ADMIN)) {
            throw ProblemException.forbidden("only staff of center " + team.centerCode + " may assign this team");
        }
        return team;
    }

    public boolean isSelf(Caller caller, String mediatorId) {
        return caller.is(Claims.MEDIATOR) && caller.mediatorId().filter(mediatorId::equals).isPresent();
    }

    /** The mediator, if the caller is that mediator or an admin: 404 for an unknown one, 403 for someone else's. */
    public Mediator ownOrAdmin(Caller caller, String mediatorId) {
        Mediator mediator = existing(mediatorId);
        if (!isSelf(caller, mediatorId) && !caller.is(Claims.ADMIN)) {
            throw ProblemException.forbidden("only " + mediatorId + " or an admin may change this");
        }
        return mediator;
    }

    public Mediator existing(String mediatorId) {
        Mediator mediator = Mediator.findById(mediatorId);
        if (mediator == null) {
            throw ProblemException.notFound("mediator", mediatorId);
        }
        return mediator;
    }
}
