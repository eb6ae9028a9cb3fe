package cn.tiaojie.cases.service.intake;

import cn.tiaojie.cases.model.Channel;
import cn.tiaojie.cases.model.PartyKind;
import cn.tiaojie.cases.model.PartyRole;
import cn.tiaojie.cases.model.RiskFlag;
import cn.tiaojie.cases.model.VulnerableGroup;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A dispute to register, as the intake takes it. Its components keep the names and order of the REST body, so the
 * digest of a retried request (its JSON) is the same whichever way it came.
 */
public record NewCase(
        Channel channel,
        String subcategory,
        String areaCode,
        String summary,
        String description,
        BigDecimal amountInDispute,
        List<RiskFlag> riskFlags,
        Referral referral,
        List<NewParty> parties,
        UUID linkedCaseId) {

    public record Referral(String source, String reference) {
    }

    public record NewParty(
            PartyRole role,
            PartyKind kind,
            String name,
            String phone,
            String idNumber,
            String email,
            String language,
            List<String> preferredChannels,
            List<VulnerableGroup> vulnerabilities) {
    }
}
