package cn.tiaojie.cases.service.intake;

import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.audit.AuditDigests;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.service.lifecycle.CaseLifecycle;
import cn.tiaojie.cases.service.lifecycle.StepClock;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.platform.validation.ChinesePhones;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.PartyRole;
import cn.tiaojie.cases.model.RiskFlag;
import cn.tiaojie.cases.model.VulnerableGroup;
import cn.tiaojie.platform.area.AreaLevel;
import cn.tiaojie.platform.problem.Problem;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.reference.Taxonomy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * 受理: registers a dispute from any channel. Validates what bean validation cannot, answers a retried request
 * (same Idempotency-Key) with the first result, refuses a second filing of the same dispute, seals personal
 * data, and computes the level, urgency and deadlines from the taxonomy. One transaction.
 */
@ApplicationScoped
public class CaseIntake {

    public static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);
    private static final int ELDERLY_AGE = 70;
    private static final int ADULT_AGE = 18;

    public record Registered(DisputeCase disputeCase, boolean replayed) {
    }

    private final Taxonomy taxonomy;
    private final PersonalData personalData;
    private final StepClock clock;
    private final DataSource dataSource;
    private final ObjectMapper json;
    private final AuditTrail audit;

    CaseIntake(Taxonomy taxonomy, PersonalData personalData, StepClock clock, DataSource dataSource, ObjectMapper json,
            AuditTrail audit) {
        this.audit = audit;
        this.taxonomy = taxonomy;
        this.personalData = personalData;
        this.clock = clock;
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * The new case is written by plain JDBC on the transaction's connection ({@link IntakeStatements}); the rare
     * answers that show an existing case (a replayed key, a duplicate, a linked case) read it through Hibernate,
     * which shares that connection.
     */
    @Transactional
    public Registered register(NewCase request, String centerCode, Actor actor, String idempotencyKey) {
        try (Connection db = dataSource.getConnection()) {
            return register(db, request, centerCode, actor, idempotencyKey);
        } catch (SQLException e) {
            throw new IllegalStateException("could not register the case", e);
        }
    }

    private Registered register(Connection db, NewCase request, String centerCode, Actor actor,
            String idempotencyKey) throws SQLException {
        if (!IntakeStatements.centerExists(db, centerCode)) {
            throw new ProblemException(403, "Forbidden", "your token names no known mediation center");
        }
        Taxonomy.Subcategory subcategory = check(request);
        Instant now = StoredInstants.now();
        UUID id = UUID.randomUUID();
        if (idempotencyKey != null) {
            UUID first = claimIdempotencyKey(db, actor, idempotencyKey, requestHash(request), id);
            if (first != null) {
                DisputeCase replayed = DisputeCase.findById(first);
                return new Registered(replayed, true);
            }
        }

        DisputeCase c = new DisputeCase();
        c.id = id;
        c.centerCode = centerCode;
        c.status = CaseStatus.RECEIVED;
        c.channel = request.channel();
        c.subcategory = subcategory.code();
        c.areaCode = request.areaCode();
        Set<RiskFlag> risks = request.riskFlags() == null || request.riskFlags().isEmpty()
                ? EnumSet.noneOf(RiskFlag.class) : EnumSet.copyOf(request.riskFlags());
        AreaLevel level = AreaLevel.valueOf(subcategory.defaultLevel());
        c.level = risks.isEmpty() ? level : level.higher();
        c.riskFlags = risks.stream().map(Enum::name).collect(Collectors.joining(","));
        c.urgent = RiskFlag.anyUrgent(risks);
        c.summary = request.summary().strip();
        c.description = request.description();
        c.amountInDispute = request.amountInDispute();
        if (request.referral() != null) {
            c.referralSource = request.referral().source();
            c.referralReference = request.referral().reference();
        }
        int resolutionHours = subcategory.slaHours().resolution();
        if (c.channel == Channel.COURT_REFERRAL) {
            resolutionHours = Math.min(resolutionHours, taxonomy.document().courtReferralResolutionHours());
        }
        c.deadline = now.plus(Duration.ofHours(resolutionHours));
        c.createdBy = actor.name();
        c.createdAt = now;
        c.updatedAt = now;
        List<String> identities = new ArrayList<>();
        int position = 0;
        for (NewCase.NewParty p : request.parties()) {
            Party party = party(p, position++);
            party.disputeCase = c;
            c.parties.add(party);
            if (party.role.equals(PartyRole.APPLICANT.name()) || party.role.equals(PartyRole.RESPONDENT.name())) {
                identities.add(personalData.identity(p.kind(), p.name(), party.idNumberHash, party.phoneHash));
            }
        }
        c.partiesHash = personalData.partiesHash(identities);
        if (request.linkedCaseId() != null) {
            DisputeCase linked = DisputeCase.findById(request.linkedCaseId());
            if (linked == null || !linked.centerCode.equals(centerCode)) {
                throw ProblemException.badRequest("linkedCaseId", "no case of your center has this id");
            }
            c.linkedCaseId = linked.id;
        } else {
            // two intakes of the same dispute at once meet at a transaction-scoped advisory lock, so the second
            // sees the first
            Optional<UUID> earlier = IntakeStatements.earlierDispute(db, c.subcategory, c.partiesHash,
                    now.minus(DUPLICATE_WINDOW), CaseStatus.WITHDRAWN.name());
            if (earlier.isPresent()) {
                throw new DuplicateDisputeException(DisputeCase.findById(earlier.get()));
            }
        }
        c.caseNo = "TJ%d%06d".formatted(Year.now(CaseLifecycle.CHINA).getValue(), IntakeStatements.nextCaseNumber(db));
        clock.startStep(c, now);
        IntakeStatements.insertCase(db, c);
        for (Party party : c.parties) {
            IntakeStatements.insertParty(db, c.id, party);
        }
        IntakeStatements.insertEvent(db, c.id, Instant.now(), "RECEIVED", actor.name(), "registered from " + c.channel
                + (c.linkedCaseId == null ? "" : ", linked to an earlier case"));
        audit.append(actor, "REGISTER", c.id, null, AuditDigests.of(c));
        return new Registered(c, false);
    }

    private Party party(NewCase.NewParty p, int position) {
        Party party = new Party();
        party.id = UUID.randomUUID();
        party.position = position;
        party.role = p.role().name();
        party.kind = p.kind().name();
        party.name = p.name().strip();
        String phone = ChinesePhones.normalise(p.phone()).orElse(null);
        party.phone = personalData.seal(PersonalData.PHONE_FIELD, phone);
        party.phoneHash = personalData.phoneHash(phone);
        String idNumber = p.idNumber() == null ? null : p.idNumber().toUpperCase(java.util.Locale.ROOT);
        party.idNumber = personalData.seal(PersonalData.ID_NUMBER_FIELD, idNumber);
        party.idNumberHash = personalData.idNumberHash(idNumber);
        party.email = p.email();
        party.language = p.language() == null ? "zh-CN" : p.language();
        party.preferredChannels = p.preferredChannels() == null ? "" : String.join(",", p.preferredChannels());
        Set<VulnerableGroup> vulnerable = p.vulnerabilities() == null || p.vulnerabilities().isEmpty()
                ? EnumSet.noneOf(VulnerableGroup.class) : EnumSet.copyOf(p.vulnerabilities());
        if (idNumber != null) {
            PersonalData.ageOf(idNumber, LocalDate.now(CaseLifecycle.CHINA)).ifPresent(age -> {
                if (age >= ELDERLY_AGE) {
                    vulnerable.add(VulnerableGroup.ELDERLY);
                } else if (age < ADULT_AGE) {
                    vulnerable.add(VulnerableGroup.MINOR);
                }
            });
        }
        party.vulnerabilities = vulnerable.stream().map(Enum::name).collect(Collectors.joining(","));
        return party;
    }

    /**
     * Claims an idempotency key for this intake; null when claimed, else the case the first request registered.
     * A concurrent first attempt holds the key's row until it commits; this insert waits and then sees it.
     */
    private UUID claimIdempotencyKey(Connection db, Actor actor, String key, String requestHash, UUID caseId)
            throws SQLException {
        if (key.isBlank() || key.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key", "must be 1 to 200 characters");
        }
        if (IntakeStatements.claimKey(db, actor.name(), key, requestHash, caseId)) {
            return null;
        }
        IntakeStatements.ClaimedKey first = IntakeStatements.claimedKey(db, actor.name(), key);
        if (!requestHash.equals(first.requestHash())) {
            throw new ProblemException(422, "Idempotency-Key reused",
                    "this Idempotency-Key was used for a different request; use a new key for a new dispute");
        }
        return first.caseId();
    }

    private String requestHash(NewCase request) {
        try {
            return AuditDigests.sha256(json.writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Taxonomy.Subcategory check(NewCase request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Taxonomy.Subcategory subcategory = taxonomy.subcategory(request.subcategory()).orElse(null);
        if (subcategory == null) {
            errors.add(new Problem.FieldError("subcategory", "unknown subcategory code"));
        }
        Set<PartyRole> roles = request.parties().stream().filter(Objects::nonNull).map(NewCase.NewParty::role)
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (!roles.contains(PartyRole.APPLICANT)) {
            errors.add(new Problem.FieldError("parties", "needs an APPLICANT"));
        }
        if (!roles.contains(PartyRole.RESPONDENT)) {
            errors.add(new Problem.FieldError("parties", "needs a RESPONDENT"));
        }
        if (request.channel().isReferral() && request.referral() == null) {
            errors.add(new Problem.FieldError("referral",
                    "a referral from " + request.channel() + " needs its source and reference number"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return subcategory;
    }
}
