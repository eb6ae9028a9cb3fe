package cn.tiaojie.scheduling.rest;

import cn.tiaojie.scheduling.model.VenueKind;
import cn.tiaojie.scheduling.service.venues.Venues;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;

/** The body of POST /api/venues. Opening hours are Asia/Shanghai local times, "08:30". */
public record NewVenueRequest(
        @NotBlank @Size(max = 40) @Pattern(regexp = VenueResource.CENTER_CODE, message = "must be a center code such as QX-COUNTY") String centerCode,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 500) String address,
        @NotNull VenueKind kind,
        @Min(1) @Max(1000) int capacity,
        @NotNull LocalTime opens,
        @NotNull LocalTime closes,
        Boolean hasVideo) {

    /** Video equipment is optional in the body: absent means none. */
    public boolean withVideo() {
        return Boolean.TRUE.equals(hasVideo);
    }

    Venues.Details details() {
        return new Venues.Details(centerCode, name, address, kind, capacity, opens, closes, withVideo());
    }
}
