package cn.tiaojie.scheduling.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A place where hearings are held, open on working days between {@link #opens} and {@link #closes} local time. */
@Entity
public class Venue extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "center_code")
    public String centerCode;

    public String name;

    public String address;

    @Enumerated(EnumType.STRING)
    public VenueKind kind;

    public int capacity;

    public LocalTime opens;

    public LocalTime closes;

    @Column(name = "has_video")
    public boolean hasVideo;

    public boolean active = true;

    @Version
    public long version;

    public static List<Venue> activeOfCenter(String centerCode) {
        return list("centerCode = ?1 and active = true order by name, id", centerCode);
    }
}
