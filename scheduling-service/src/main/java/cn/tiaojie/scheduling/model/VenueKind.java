package cn.tiaojie.scheduling.model;


/** A mediation room at a center, or an on-site venue in a village (屋场夜话 evening sessions). */
public enum VenueKind {
    ROOM,
    ON_SITE
}
