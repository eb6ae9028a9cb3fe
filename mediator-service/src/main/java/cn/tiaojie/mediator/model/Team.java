package cn.tiaojie.mediator.model;

import cn.tiaojie.platform.area.AreaLevel;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The team (调解团队) being formed for one case: one mediator per required role. */
@Entity
public class Team extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "case_no")
    public String caseNo;

    public String subcategory;

    @Column(name = "area_code")
    public String areaCode;

    @Enumerated(EnumType.STRING)
    public AreaLevel level;

    @Column(name = "center_code")
    public String centerCode;

    /** comma-separated risk flag codes, as case-service sent them */
    @Column(name = "risk_flags")
    public String riskFlags = "";

    public Instant deadline;

    @Enumerated(EnumType.STRING)
    public TeamStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "formed_at")
    public Instant formedAt;

    @Version
    public long version;

    @Column(name = "required_roles")
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    public List<MediatorRole> requiredRoles = new ArrayList<>();

    /** roles the team rule allows besides the required ones; staff may add one before the team is formed */
    @Column(name = "optional_roles")
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Enumerated(EnumType.STRING)
    public List<MediatorRole> optionalRoles = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "team_party", joinColumns = @JoinColumn(name = "team_id"))
    @OrderColumn(name = "position")
    public List<TeamParty> parties = new ArrayList<>();

    @OneToMany(mappedBy = "team")
    @OrderBy("offeredAt")
    public List<Offer> offers = new ArrayList<>();

    public static Optional<Team> ofCase(UUID caseId) {
        return find("caseId", caseId).firstResultOptional();
    }

    public List<String> riskFlagList() {
        return riskFlags == null || riskFlags.isBlank() ? List.of() : Arrays.asList(riskFlags.split(","));
    }

    /** The offer of a role that is open or accepted, if any; at most one exists (a unique index keeps it so). */
    public Optional<Offer> liveOffer(MediatorRole role) {
        return offers.stream().filter(o -> o.role == role && o.isLive()).findFirst();
    }

    public List<Offer> acceptedOffers() {
        return offers.stream().filter(o -> o.status == OfferStatus.ACCEPTED).toList();
    }

    /** The accepted members, in the order of the team's required roles. */
    public List<TeamMember> members() {
        return offers.stream().filter(o -> o.status == OfferStatus.ACCEPTED)
                .sorted(Comparator.comparingInt(o -> requiredRoles.indexOf(o.role)))
                .map(o -> new TeamMember(o.mediator.id, o.role, o.mediator.name, o.mediator.phone, o.mediator.email))
                .toList();
    }
}
