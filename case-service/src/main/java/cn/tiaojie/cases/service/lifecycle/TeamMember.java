package cn.tiaojie.cases.service.lifecycle;

import cn.tiaojie.contracts.common.v1.MediatorRole;

/** A member of a case's team, as mediator-service reported them; phone and e-mail may be absent (null). */
public record TeamMember(String mediatorId, MediatorRole role, String name, String phone, String email) {
}
