package cn.tiaojie.cases.model;

import java.util.Collection;

/** Risks staff flag at intake; any of them raises the handling level, some make the case urgent. */
public enum RiskFlag {
    VIOLENCE_THREAT, GROUP_DISPUTE, PETITION_RISK;

    public static boolean anyUrgent(Collection<RiskFlag> flags) {
        return flags.contains(VIOLENCE_THREAT) || flags.contains(GROUP_DISPUTE);
    }
}
