package cn.tiaojie.scheduling.rest;

import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import java.time.LocalTime;
import java.util.UUID;

/** A venue as the REST API shows it; opening hours are Asia/Shanghai local times. */
public record VenueView(UUID id, String centerCode, String name, String address, VenueKind kind, int capacity,
        LocalTime opens, LocalTime closes, boolean hasVideo, boolean active) {

    public static VenueView of(Venue v) {
        return new VenueView(v.id, v.centerCode, v.name, v.address, v.kind, v.capacity, v.opens, v.closes,
                v.hasVideo, v.active);
    }
}
