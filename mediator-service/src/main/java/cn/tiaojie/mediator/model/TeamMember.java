package cn.tiaojie.mediator.model;

/** A mediator who accepted a place on a team, with the contact others reach them by (phone and e-mail may be null). */
public record TeamMember(String mediatorId, MediatorRole role, String name, String phone, String email) {
}
