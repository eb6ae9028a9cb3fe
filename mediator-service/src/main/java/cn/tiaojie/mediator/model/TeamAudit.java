package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What a person did to a team by hand, who, when and why. */
@Entity
@Table(name = "team_audit")
public class TeamAudit extends PanacheEntityBase {

    public enum Action {
        ASSIGNED_BY_HAND, OPTIONAL_ROLE_ADDED, CHOICE_LIST_PUBLISHED, CHOICE_LIST_DECIDED
    }

    @Id
    public UUID id;

    @Column(name = "team_id")
    public UUID teamId;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Enumerated(EnumType.STRING)
    public MediatorRole role;

    @Column(name = "mediator_id")
    public String mediatorId;

    public String actor;

    public String reason;

    public Instant at;

    public static TeamAudit record(UUID teamId, Action action, MediatorRole role, String mediatorId, String actor,
            String reason, Instant at) {
        TeamAudit audit = new TeamAudit();
        audit.id = UUID.randomUUID();
        audit.teamId = teamId;
        audit.action = action;
        audit.role = role;
        audit.mediatorId = mediatorId;
        audit.actor = actor;
        audit.reason = reason;
        audit.at = at;
        audit.persist();
        return audit;
    }
}
