package cn.tiaojie.mediator.service;

import cn.tiaojie.platform.validation.ChinesePhone;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.MediatorStatus;
import cn.tiaojie.mediator.model.OrganizationKind;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** A member of the pool as an admin registers them (the body of POST /api/mediators and PUT /api/mediators/{id}, a row of an import), with the checks every one of them passes. */
public record MediatorProfile(
        @NotBlank @Pattern(regexp = "M\\d{3,6}", message = "must look like M001") String id,
        @NotBlank @Size(max = 100) String name,
        @NotNull MediatorRole role,
        @NotBlank @Pattern(regexp = "\\d{6}(\\d{3}){0,3}", message = "must be a 6, 9, 12 or 15 digit area code") String areaCode,
        @Size(max = 200) String organization,
        OrganizationKind organizationKind,
        @ChinesePhone String phone,
        @Email @Size(min = 3, max = 200) String email,
        /** languages and dialects as tags: zh-CN, en, yue (Cantonese), wuu (Wu), nan (Min Nan) */
        @Size(max = 8) List<@NotNull @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as zh-CN or wuu") String> languages,
        @Size(max = 30) List<@NotBlank @Size(max = 80) @Pattern(regexp = "[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?", message = "must be a category or subcategory code") String> expertise,
        @NotNull @Min(1) @Max(50) Integer capacity,
        @DecimalMin("0.0") @DecimalMax("5.0") @Digits(integer = 1, fraction = 1) BigDecimal rating,
        MediatorStatus status,
        @Size(max = 3) List<@NotNull @Pattern(regexp = "IN_APP|SMS|EMAIL", message = "must be IN_APP, SMS or EMAIL") String> channels,
        /** older clients send active=false instead of a status: read as SUSPENDED */
        Boolean active) {

    /** what a mediator id may look like anywhere (path parameters, lists): registered ids are M001…, imported ones too */
    public static final String ID_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,19}";

    public MediatorStatus effectiveStatus() {
        if (status != null) {
            return status;
        }
        return active == null || active ? MediatorStatus.ACTIVE : MediatorStatus.SUSPENDED;
    }
}
