package cn.tiaojie.scheduling.service.plan;

import java.util.UUID;

/** A venue as the solver sees it: opening hours in minutes of the local day. */
public record PlanVenue(UUID id, String centerCode, String name, boolean onSite, int capacity, int opensMinute,
        int closesMinute, boolean hasVideo) {

    @Override
    public String toString() {
        return name;
    }
}
