package cn.tiaojie.cases.rest;

import cn.tiaojie.cases.Channel;
import cn.tiaojie.cases.PartyKind;
import cn.tiaojie.cases.PartyRole;
import cn.tiaojie.cases.RiskFlag;
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

/** The body of POST /api/cases: a dispute as staff register it. */
public record NewCaseRequest(
        @NotNull Channel channel,
        @NotBlank @Size(max = 80) String subcategory,
        @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be a 6, 9, 12 or 15 digit area code") String areaCode,
        @NotBlank @Size(max = 200) String summary,
        @Size(max = 10000) String description,
        @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amountInDispute,
        @Size(max = 10) List<@NotNull RiskFlag> riskFlags,
        @Valid Referral referral,
        @NotNull @Size(min = 2, max = 30) List<@NotNull @Valid NewParty> parties) {

    public record Referral(@NotBlank @Size(max = 100) String source, @NotBlank @Size(max = 100) String reference) {
    }

    public record NewParty(
            @NotNull PartyRole role,
            @NotNull PartyKind kind,
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "\\+?[0-9 \\-]{6,20}", message = "must be a phone number") String phone,
            @Size(max = 40) String idNumber,
            @Email @Size(max = 200) String email,
            @Size(max = 20) String language,
            @Size(max = 4) List<@NotNull @Pattern(regexp = "SMS|EMAIL|IN_APP", message = "must be SMS, EMAIL or IN_APP") String> preferredChannels) {
    }
}
