package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.PartyKind;
import cn.tiaojie.cases.model.PartyRole;
import cn.tiaojie.cases.model.RiskFlag;
import cn.tiaojie.cases.model.VulnerableGroup;
import cn.tiaojie.platform.validation.ChinesePhone;
import cn.tiaojie.cases.validation.ResidentId;
import cn.tiaojie.cases.service.intake.NewCase;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The body of POST /api/cases: a dispute as staff register it. {@code linkedCaseId} registers it although the
 * same parties brought the same kind of dispute within 30 days, linked to that earlier case.
 */
public record NewCaseRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 80) String subcategory,
        @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be a 6, 9, 12 or 15 digit area code") String areaCode,
        @NotBlank @Size(max = 200) String summary,
        @Size(max = 10000) String description,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amountInDispute,
        @Size(max = 10) List<@NotNull RiskFlag> riskFlags,
        @Valid Referral referral,
        @NotNull @Size(min = 2, max = 30) List<@NotNull @Valid NewParty> parties,
        UUID linkedCaseId) {

    NewCase toCommand() {
        return new NewCase(channel, subcategory, areaCode, summary, description, amountInDispute, riskFlags,
                referral == null ? null : new NewCase.Referral(referral.source(), referral.reference()),
                parties.stream().map(p -> p == null ? null : p.toCommand()).toList(), linkedCaseId);
    }

    public record Referral(@NotBlank @Size(max = 100) String source, @NotBlank @Size(max = 100) String reference) {
    }

    public record NewParty(
            @NotNull PartyRole role,
            @NotNull PartyKind kind,
            @NotBlank @Size(max = 200) String name,
            @ChinesePhone String phone,
            @ResidentId String idNumber,
            @Email @Size(max = 200) String email,
            @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})?", message = "must be a language tag such as zh-CN") String language,
            @Size(max = 4) List<@NotNull @Pattern(regexp = "SMS|EMAIL|IN_APP", message = "must be SMS, EMAIL or IN_APP") String> preferredChannels,
            @Size(max = 3) List<@NotNull VulnerableGroup> vulnerabilities) {

        NewCase.NewParty toCommand() {
            return new NewCase.NewParty(role, kind, name, phone, idNumber, email, language, preferredChannels,
                    vulnerabilities);
        }
    }
}
