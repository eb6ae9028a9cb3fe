package cn.tiaojie.cases.service.online;

import cn.tiaojie.cases.config.OnlineConfig;
import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.CaseTeamMember;
import cn.tiaojie.cases.model.Center;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.OneTimeCode;
import cn.tiaojie.cases.model.Party;
import cn.tiaojie.cases.model.ResidentSession;
import cn.tiaojie.cases.model.Step;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.audit.AuditTrail;
import cn.tiaojie.cases.service.audit.StoredInstants;
import cn.tiaojie.cases.service.privacy.PersonalData;
import cn.tiaojie.platform.privacy.Masking;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.validation.ChinesePhones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * 我的案件: a resident signs in with the one-time code sent to their phone and sees every case where that phone is a
 * party's, and nothing else; a session opened from a notice's signed link sees that notice's case as that party.
 * The session's secret is random, kept as its lookup hash only and valid {@code session-valid-for}; every sign-in is
 * audited (by the codes: ONLINE_SIGN_IN / ONLINE_SIGN_IN_REFUSED; a link: MY_CASE_LINK_SIGN_IN).
 */
@ApplicationScoped
public class MyCases {

    public static final String PURPOSE = "MY_CASE";

    /** A session opened: its secret (given once) and until when it holds. */
    public record Session(String token, Instant expiresAt) {
    }

    /** A case in the resident's list. */
    public record CaseItem(UUID id, String caseNo, CaseStatus status, String summary, Instant createdAt,
            Instant hearingStartsAt) {
    }

    /** A party as a resident sees it: the phone masked. */
    public record PartyItem(UUID id, String role, String name, String phone, boolean me) {
    }

    /** The hearing, and who will be there by their role on the team. */
    public record Hearing(String id, Instant startsAt, String venue, List<String> teamRoles) {
    }

    /** One case as its resident sees it. */
    public record MyCase(UUID id, String caseNo, CaseStatus status, Step step, Instant stepDeadline,
            Instant deadline, String summary, String rejectionReason, CaseStatus outcome, Hearing hearing,
            List<PartyItem> parties, UUID partyId, OnlineApplications.CenterContact center) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OneTimeCodes codes;
    private final PersonalData personalData;
    private final OnlineConfig config;
    private final AuditTrail audit;

    MyCases(OneTimeCodes codes, PersonalData personalData, OnlineConfig config, AuditTrail audit) {
        this.codes = codes;
        this.personalData = personalData;
        this.config = config;
        this.audit = audit;
    }

    /** Sends the phone a sign-in code (the same limits as the online application's, counted together). */
    public OneTimeCodes.Sent sendCode(String phone, String address) {
        return codes.send(PURPOSE, national(phone), address, null);
    }

    /** Checks the code (a wrong one is counted and refused, nothing else happens), then opens a session by phone. */
    public Session signIn(String phone, String entered) {
        String national = national(phone);
        OneTimeCodes.Check check = codes.check(PURPOSE, national, entered);
        if (check.verdict() != OneTimeCodes.Verdict.ACCEPTED) {
            throw OneTimeCodes.refusal(check);
        }
        return QuarkusTransaction.joiningExisting().call(() -> {
            OneTimeCode used = OneTimeCode.findById(check.codeId());
            if (used.usedAt != null) {
                throw OneTimeCodes.refusal(new OneTimeCodes.Check(OneTimeCodes.Verdict.SPENT, null, 0));
            }
            codes.spend(check.codeId());
            return open(personalData.phoneHash(national), null, null);
        });
    }

    /** Opens a session for one party of one case, as a notice's signed link allows (checked by notify-service). */
    @Transactional
    public Session openForParty(UUID caseId, UUID partyId) {
        Party party = Party.findById(partyId);
        if (party == null || !party.disputeCase.id.equals(caseId)) {
            throw ProblemException.notFound("party", partyId);
        }
        Session session = open(null, caseId, partyId);
        audit.append(new Actor("party:" + partyId, "resident"), "MY_CASE_LINK_SIGN_IN", caseId, null, null);
        return session;
    }

    /** The cases the session may see, newest first; 401 for a session unknown or ended. */
    @Transactional
    public List<CaseItem> cases(String token) {
        ResidentSession session = session(token);
        return scope(session).stream().map(p -> p.disputeCase).distinct()
                .sorted(Comparator.comparing((DisputeCase c) -> c.createdAt).reversed())
                .map(c -> new CaseItem(c.id, c.caseNo, c.status, c.summary, c.createdAt, c.hearingStartsAt))
                .toList();
    }

    /** One case of the session's; a case outside it is 404, the same as one that does not exist. */
    @Transactional
    public MyCase view(String token, UUID caseId) {
        ResidentSession session = session(token);
        Party me = scope(session).stream().filter(p -> p.disputeCase.id.equals(caseId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("case", caseId));
        DisputeCase c = me.disputeCase;
        Hearing hearing = c.hearingStartsAt == null ? null : new Hearing(c.hearingId, c.hearingStartsAt,
                c.hearingVenue, CaseTeamMember.<CaseTeamMember>list("caseId = ?1 order by position", c.id).stream()
                        .map(m -> m.role).distinct().toList());
        List<PartyItem> parties = c.parties.stream().sorted(Comparator.comparingInt(p -> p.position))
                .map(p -> new PartyItem(p.id, p.role, p.name, p.phone == null ? null : Masking.phone(personalData.phone(p)),
                        p.id.equals(me.id)))
                .toList();
        Center center = Center.findById(c.centerCode);
        OnlineApplications.CenterContact contact = center == null ? null
                : new OnlineApplications.CenterContact(center.code, center.name, center.address, center.phone);
        return new MyCase(c.id, c.caseNo, c.status, c.step, c.stepDeadline, c.deadline, c.summary,
                c.rejectionReason, c.outcome, hearing, parties, me.id, contact);
    }

    /** The party a session stands for in a case it may see (for the services that ask, e.g. notify-service). */
    @Transactional
    public Optional<UUID> partyOf(String token, UUID caseId) {
        return scope(session(token)).stream().filter(p -> p.disputeCase.id.equals(caseId)).map(p -> p.id)
                .findFirst();
    }

    private List<Party> scope(ResidentSession session) {
        if (session.phoneHash != null) {
            return Party.list("phoneHash", session.phoneHash);
        }
        Party party = Party.findById(session.partyId);
        return party == null ? List.of() : List.of(party);
    }

    private ResidentSession session(String token) {
        ResidentSession session = token == null || token.isBlank() ? null
                : ResidentSession.find("tokenHash", personalData.sessionHash(token)).firstResult();
        if (session == null || !StoredInstants.now().isBefore(session.expiresAt)) {
            throw new ProblemException(401, "Unauthorized", "sign in again: the session is unknown or has ended");
        }
        return session;
    }

    private Session open(String phoneHash, UUID caseId, UUID partyId) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        ResidentSession session = new ResidentSession();
        session.id = UUID.randomUUID();
        session.tokenHash = personalData.sessionHash(token);
        session.phoneHash = phoneHash;
        session.caseId = caseId;
        session.partyId = partyId;
        session.createdAt = StoredInstants.now();
        session.expiresAt = session.createdAt.plus(config.sessionValidFor());
        session.persist();
        return new Session(token, session.expiresAt);
    }

    private static String national(String phone) {
        return ChinesePhones.normalise(Objects.requireNonNullElse(phone, "")).orElseThrow(
                () -> ProblemException.badRequest("phone", "not a valid Chinese phone number"));
    }
}
