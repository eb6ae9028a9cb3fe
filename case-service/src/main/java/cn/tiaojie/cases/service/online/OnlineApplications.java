package cn.tiaojie.cases.service.online;

import cn.tiaojie.cases.model.Center;
import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.PartyKind;
import cn.tiaojie.cases.model.PartyRole;
import cn.tiaojie.cases.service.Actor;
import cn.tiaojie.cases.service.intake.CaseIntake;
import cn.tiaojie.cases.service.intake.NewCase;
import cn.tiaojie.cases.service.notices.CaseNotices;
import cn.tiaojie.contracts.notify.v1.NoticeKind;
import cn.tiaojie.platform.problem.ProblemException;
import cn.tiaojie.platform.validation.ChinesePhones;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;

/**
 * 网上申请调解: a resident's application, verified by the one-time code sent to their phone, becomes a RECEIVED case
 * of the channel ONLINE at the chosen center, which staff review and file or reject like any other. The applicant is
 * sent the case's number at once (网上申请已收到). Submitting the same form again with the same code answers the same
 * case.
 */
@ApplicationScoped
public class OnlineApplications {

    public static final String PURPOSE = "APPLY";

    /** What a resident may know of a center: where it is and whom to call. */
    public record CenterContact(String code, String name, String address, String phone) {
    }

    /** The case an application became. */
    public record Applied(DisputeCase disputeCase, boolean replayed) {
    }

    private final OneTimeCodes codes;
    private final CaseIntake intake;
    private final CaseNotices notices;

    OnlineApplications(OneTimeCodes codes, CaseIntake intake, CaseNotices notices) {
        this.codes = codes;
        this.intake = intake;
        this.notices = notices;
    }

    @Transactional
    public CenterContact center(String code) {
        Center center = Center.findById(code);
        if (center == null) {
            throw ProblemException.notFound("center", code);
        }
        return new CenterContact(center.code, center.name, center.address, center.phone);
    }

    /** Sends the applicant's phone a code (at most 3 an hour per number and per client address). */
    public OneTimeCodes.Sent sendCode(String centerCode, String phone, String address) {
        Center center = QuarkusTransaction.joiningExisting().call(() -> Center.<Center>findById(centerCode));
        if (center == null) {
            throw ProblemException.badRequest("centerCode", "no mediation center has this code");
        }
        return codes.send(PURPOSE, national(phone, "phone"), address, center);
    }

    /**
     * Checks the code (a wrong one is counted and refused, and nothing else happens), then registers the case, spends
     * the code and tells the applicant its number, in one transaction.
     */
    public Applied apply(OnlineApplication application) {
        String phone = national(application.phone(), "phone");
        String otherPhone = application.otherSidePhone() == null || application.otherSidePhone().isBlank() ? null
                : national(application.otherSidePhone(), "otherSidePhone");
        CenterContact center = center(application.centerCode());
        OneTimeCodes.Check check = codes.check(PURPOSE, phone, application.code());
        if (check.verdict() != OneTimeCodes.Verdict.ACCEPTED) {
            throw OneTimeCodes.refusal(check);
        }
        Actor applicant = codes.actor(phone);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Center c = Center.findById(center.code());
            CaseIntake.Registered registered = intake.register(newCase(application, c, phone, otherPhone),
                    c.code, applicant, "online:" + check.codeId());
            codes.spend(check.codeId());
            if (!registered.replayed()) {
                notices.toApplicants(registered.disputeCase(), NoticeKind.APPLICATION_RECEIVED, "application-received",
                        Map.of("centerName", c.name, "channel", "网上申请"));
            }
            return new Applied(registered.disputeCase(), registered.replayed());
        });
    }

    /** Tells an online applicant that staff filed or rejected the application (called in the decision's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void decided(DisputeCase c) {
        if (c.channel != Channel.ONLINE) {
            return;
        }
        Center center = Center.findById(c.centerCode);
        String centerName = center == null ? c.centerCode : center.name;
        if (c.rejectionReason != null) {
            notices.toApplicants(c, NoticeKind.APPLICATION_REJECTED, "application-rejected",
                    Map.of("centerName", centerName, "reason", c.rejectionReason));
        } else {
            notices.toApplicants(c, NoticeKind.APPLICATION_FILED, "application-filed", Map.of("centerName", centerName));
        }
    }

    private static NewCase newCase(OnlineApplication a, Center center, String phone, String otherPhone) {
        String words = a.whatHappened().strip();
        String summary = words.length() <= 60 ? words : words.substring(0, 59) + "…";
        String description = words + (a.place() == null || a.place().isBlank() ? "" : "\n地点：" + a.place().strip());
        List<NewCase.NewParty> parties = List.of(
                new NewCase.NewParty(PartyRole.APPLICANT, PartyKind.PERSON, a.applicantName(), phone, null, null,
                        "zh-CN", List.of("SMS", "IN_APP"), List.of()),
                new NewCase.NewParty(PartyRole.RESPONDENT, PartyKind.PERSON, a.otherSideName(), otherPhone, null, null,
                        "zh-CN", List.of(), List.of()));
        return new NewCase(Channel.ONLINE, a.subcategory(), center.areaCode, summary, description, a.amount(),
                List.of(), null, parties, null);
    }

    private static String national(String phone, String field) {
        return ChinesePhones.normalise(phone).orElseThrow(
                () -> ProblemException.badRequest(field, "not a valid Chinese phone number"));
    }
}
