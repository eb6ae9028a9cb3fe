package cn.tiaojie.mediator.model;

/** What a declared conflict of interest is: a relation to someone, or (for a lawyer) a former client. */
public enum ConflictKind {
    RELATION, FORMER_CLIENT
}
