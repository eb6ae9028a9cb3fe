package cn.tiaojie.cases.model;

import cn.tiaojie.platform.area.AreaLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A dispute registered at a center, from 受理 to 结案. */
@Entity
@Table(name = "dispute_case")
public class DisputeCase extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_no")
    public String caseNo;

    @Column(name = "center_code")
    public String centerCode;

    @Enumerated(EnumType.STRING)
    public CaseStatus status;

    @Enumerated(EnumType.STRING)
    public Channel channel;

    public String subcategory;

    @Column(name = "area_code")
    public String areaCode;

    @Enumerated(EnumType.STRING)
    public AreaLevel level;

    public String summary;

    public String description;

    @Column(name = "amount_in_dispute")
    public BigDecimal amountInDispute;

    /** comma-separated risk flag codes */
    @Column(name = "risk_flags")
    public String riskFlags = "";

    @Column(name = "referral_source")
    public String referralSource;

    @Column(name = "referral_reference")
    public String referralReference;

    public boolean urgent;

    public Instant deadline;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "team_id")
    public String teamId;

    @Column(name = "hearing_id")
    public String hearingId;

    @Column(name = "hearing_starts_at")
    public Instant hearingStartsAt;

    @Column(name = "hearing_venue")
    public String hearingVenue;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** the step whose SLA runs now; null once the case has an outcome */
    @Enumerated(EnumType.STRING)
    public Step step;

    @Column(name = "step_started_at")
    public Instant stepStartedAt;

    @Column(name = "step_deadline")
    public Instant stepDeadline;

    @Enumerated(EnumType.STRING)
    @Column(name = "sla_state")
    public SlaState slaState = SlaState.ON_TRACK;

    /** keyed hash of the parties' identities, for finding a second filing of the same dispute */
    @Column(name = "parties_hash")
    public String partiesHash;

    @Column(name = "linked_case_id")
    public UUID linkedCaseId;

    /** REJECTED, RESOLVED, UNRESOLVED or WITHDRAWN; kept when the case is closed */
    @Enumerated(EnumType.STRING)
    public CaseStatus outcome;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(name = "outcome_at")
    public Instant outcomeAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "referral_route")
    public ReferralRoute referralRoute;

    @Column(name = "agreement_terms")
    public String agreementTerms;

    @Column(name = "agreement_amount")
    public BigDecimal agreementAmount;

    @Column(name = "performance_deadline")
    public LocalDate performanceDeadline;

    @Column(name = "judicial_confirmation")
    public Boolean judicialConfirmation;

    @Column(name = "judicial_confirmation_due")
    public LocalDate judicialConfirmationDue;

    @Column(name = "judicial_confirmation_applied_on")
    public LocalDate judicialConfirmationAppliedOn;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "disputeCase", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<Party> parties = new ArrayList<>();

    public List<String> riskFlagList() {
        return riskFlags == null || riskFlags.isBlank() ? List.of() : Arrays.asList(riskFlags.split(","));
    }
}
