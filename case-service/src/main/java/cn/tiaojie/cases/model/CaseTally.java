package cn.tiaojie.cases.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A number of cases of one center, area, status and SLA state, added by the database as cases change (see the
 * migration of case_tally); a group's count is the sum of its rows. Read only: the application never writes one.
 * Its field names are {@link DisputeCase}'s, so that a condition on cases reads the same on tallies.
 */
@Entity
@Immutable
@Table(name = "case_tally")
public class CaseTally {

    @Id
    public long id;

    @Column(name = "center_code")
    public String centerCode;

    @Column(name = "area_code")
    public String areaCode;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "sla_state")
    public SlaState slaState;

    /** the case was in a timed step (step not null), so its SLA state counts */
    public boolean timed;

    public long cases;
}
