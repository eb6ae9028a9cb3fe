package cn.tiaojie.cases.model;

import cn.tiaojie.cases.service.privacy.PersonalData;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A mediator on a case's team, as reported by mediator-service. */
@Entity
@Table(name = "team_member")
@IdClass(CaseTeamMember.Key.class)
public class CaseTeamMember extends PanacheEntityBase {

    public record Key(UUID caseId, String mediatorId, String role) implements Serializable {
        public Key() {
            this(null, null, null);
        }
    }

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Id
    @Column(name = "mediator_id")
    public String mediatorId;

    @Id
    public String role;

    public String name;

    /** where the role stands in the team's required roles, as mediator-service listed them */
    public Integer position;

    /** sealed like a party's phone (PersonalData); other services receive it opened */
    public String phone;

    public String email;
}
