package cn.tiaojie.mediator.service.matching;

/** A mediator a hard rule keeps off the case, with the rule and what made it fire. */
public record Excluded(String mediatorId, String name, Rule rule, String detail) {
}
