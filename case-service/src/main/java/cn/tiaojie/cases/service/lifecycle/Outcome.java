package cn.tiaojie.cases.service.lifecycle;

import cn.tiaojie.cases.model.CaseStatus;
import cn.tiaojie.cases.model.ReferralRoute;
import java.math.BigDecimal;
import java.time.LocalDate;

/** RESOLVED with an agreement (调解协议), UNRESOLVED with a referral route, or WITHDRAWN with a reason. */
public record Outcome(CaseStatus result, Agreement agreement, ReferralRoute referralRoute, String reason) {

    public record Agreement(String terms, BigDecimal amount, LocalDate performanceDeadline,
            Boolean judicialConfirmation) {
    }
}
