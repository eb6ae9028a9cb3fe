package cn.tiaojie.cases.service.intake;

import cn.tiaojie.cases.model.DisputeCase;

/** The same parties brought the same kind of dispute within the duplicate window: answer with that case. */
public class DuplicateDisputeException extends RuntimeException {

    private final transient DisputeCase existing;

    public DuplicateDisputeException(DisputeCase existing) {
        super("the same parties registered a " + existing.subcategory + " dispute as case " + existing.caseNo
                + " within " + CaseIntake.DUPLICATE_WINDOW.toDays() + " days; link to it explicitly to register another");
        this.existing = existing;
    }

    public DisputeCase existing() {
        return existing;
    }
}
