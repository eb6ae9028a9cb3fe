package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.ReferralRoute;
import cn.tiaojie.cases.model.SummonsStatus;
import cn.tiaojie.cases.service.aftercare.AftercareCommands;
import cn.tiaojie.cases.service.lifecycle.HearingArrangements;
import cn.tiaojie.cases.service.lifecycle.HearingRecord;
import cn.tiaojie.cases.service.summons.SummonsCommands;
import cn.tiaojie.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Bodies of the case actions. */
public final class ActionRequests {

    private ActionRequests() {
    }

    /**
     * How the hearing is to be held, asked at filing or with a hearing request: in the evening, on site in the
     * village (both: 屋场夜话), video allowed, an interpreter (with the language). Left out: false.
     */
    public record Arrangements(Boolean evening, Boolean onSite, Boolean videoAllowed, Boolean interpreterNeeded,
            @Size(max = 60) @Pattern(regexp = "[^\\p{Cntrl}]*") String interpreterLanguage) {

        HearingArrangements toCommand() {
            boolean interpreter = Boolean.TRUE.equals(interpreterNeeded);
            boolean named = interpreterLanguage != null && !interpreterLanguage.isBlank();
            if (interpreter && !named) {
                throw ProblemException.badRequest("hearing.interpreterLanguage",
                        "names the language the interpreter translates");
            }
            if (!interpreter && named) {
                throw ProblemException.badRequest("hearing.interpreterNeeded", "must be true when a language is named");
            }
            return new HearingArrangements(Boolean.TRUE.equals(evening), Boolean.TRUE.equals(onSite),
                    Boolean.TRUE.equals(videoAllowed), interpreter ? interpreterLanguage.strip() : null);
        }
    }

    /** file, request-hearing: optionally {"hearing": {…}}, how the case's hearings are to be held. */
    public record HearingAsked(@Valid Arrangements hearing) {

        static HearingArrangements toCommand(HearingAsked body) {
            return body == null || body.hearing() == null ? null : body.hearing().toCommand();
        }
    }

    /** One person present at a hearing: {"role": "申请人", "name": "张三"}. */
    public record Attendee(@NotBlank @Size(max = 20) @Pattern(regexp = "[^\\p{Cntrl}]*") String role,
            @NotBlank @Size(max = 30) @Pattern(regexp = "[^\\p{Cntrl}]*") String name) {
    }

    /**
     * hearings/{hearingId}/record: {"held": true, "attendance": [...], "minutes": "笔录"} or
     * {"held": false, "reason": "PARTY_ABSENT" | "ADJOURNED" | "OTHER", "note": "…"}.
     */
    public record HearingHeld(@NotNull Boolean held, HearingRecord.NotHeld reason,
            @Size(max = 200) @Pattern(regexp = "[^\\p{Cntrl}]*") String note,
            @Size(max = 20) List<@NotNull @Valid Attendee> attendance, @Size(max = 1200) String minutes) {

        HearingRecord toCommand(String hearingId) {
            if (held) {
                if (attendance == null || attendance.isEmpty()) {
                    throw ProblemException.badRequest("attendance", "请填写出席人员（当事人及调解团队成员）");
                }
                if (minutes == null || minutes.isBlank()) {
                    throw ProblemException.badRequest("minutes", "请填写笔录");
                }
                if (reason != null) {
                    throw ProblemException.badRequest("reason", "只有未召开的调解会才填写原因");
                }
                return new HearingRecord(hearingId, true, null, null,
                        attendance.stream().map(a -> new HearingRecord.Attendee(a.role().strip(), a.name().strip()))
                                .toList(), minutes);
            }
            if (reason == null) {
                throw ProblemException.badRequest("reason", "请说明未召开的原因（一方当事人缺席、休庭改期或其他原因）");
            }
            return new HearingRecord(hearingId, false, reason, note, List.of(), null);
        }
    }

    /** reject, withdraw, escalate */
    public record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** 调解协议 */
    public record Agreement(
            @NotBlank @Size(max = 10000) String terms,
            @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amount,
            LocalDate performanceDeadline,
            @NotNull Boolean judicialConfirmation) {

        cn.tiaojie.cases.service.lifecycle.Outcome.Agreement toCommand() {
            return new cn.tiaojie.cases.service.lifecycle.Outcome.Agreement(terms, amount, performanceDeadline, judicialConfirmation);
        }
    }

    /** RESOLVED with an agreement, UNRESOLVED with a referral route, or WITHDRAWN with a reason. */
    public record Outcome(
            @NotNull CaseStatus result,
            @Valid Agreement agreement,
            ReferralRoute referralRoute,
            @Size(max = 1000) String reason) {

        cn.tiaojie.cases.service.lifecycle.Outcome toCommand() {
            return new cn.tiaojie.cases.service.lifecycle.Outcome(result,
                    agreement == null ? null : agreement.toCommand(), referralRoute, reason);
        }
    }

    /** a date is written as 2025-01-31, never as a count of days */
    public record JudicialConfirmation(@NotNull LocalDate appliedOn, @NotBlank @Size(max = 200) String court,
            @Size(max = 100) String reference) {

        cn.tiaojie.cases.service.lifecycle.JudicialConfirmation toCommand() {
            return new cn.tiaojie.cases.service.lifecycle.JudicialConfirmation(appliedOn, court, reference);
        }
    }

    /** 吹哨: departments to call in (the subcategory's own department when none is named) and hours to report. */
    public record NewSummons(
            @Size(max = 10) List<@NotBlank @Size(max = 40) String> departments,
            @Min(1) @Max(720) Integer deadlineHours,
            @Size(max = 1000) String note) {

        SummonsCommands.NewSummons toCommand() {
            return new SummonsCommands.NewSummons(departments, deadlineHours, note);
        }
    }

    /** An answer given by phone, recorded by staff: reported (who comes, when) or declined with the reason. */
    public record SummonsAnswer(@NotNull SummonsStatus response, @Size(max = 1000) String note,
            @Size(max = 100) String attendee, Instant arrivesAt) {

        SummonsCommands.PhoneAnswer toCommand() {
            return new SummonsCommands.PhoneAnswer(response, note, attendee, arrivesAt);
        }
    }

    public record NewRating(@NotNull @Min(1) @Max(5) Integer score, @Size(max = 1000) String comment) {

        AftercareCommands.NewRating toCommand() {
            return new AftercareCommands.NewRating(score, comment);
        }
    }

    public record NewFollowUp(
            @NotNull @Pattern(regexp = "PHONE|VISIT|SMS|VIDEO", message = "must be PHONE, VISIT, SMS or VIDEO") String method,
            @NotBlank @Size(max = 2000) String note,
            Boolean agreementPerformed) {

        AftercareCommands.NewFollowUp toCommand() {
            return new AftercareCommands.NewFollowUp(method, note, agreementPerformed);
        }
    }
}
