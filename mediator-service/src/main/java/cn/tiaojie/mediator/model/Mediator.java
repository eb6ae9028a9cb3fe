package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A member of the pool: one role, the area they serve, what they know best and how much they can take on. */
@Entity
public class Mediator extends PanacheEntityBase {

    @Id
    public String id;

    public String name;

    @Enumerated(EnumType.STRING)
    public MediatorRole role;

    @Column(name = "area_code")
    public String areaCode;

    public String organization;

    public String phone;

    public String email;

    /** comma-separated language tags, e.g. zh-CN,en */
    public String languages = "zh-CN";

    /** comma-separated taxonomy codes: categories or subcategories */
    public String expertise = "";

    public int capacity;

    /** residents' average rating, 0–5; null until rated */
    public BigDecimal rating;

    @Enumerated(EnumType.STRING)
    public MediatorStatus status = MediatorStatus.ACTIVE;

    /** status is ACTIVE; kept as a column for matching's index */
    public boolean active = true;

    @Enumerated(EnumType.STRING)
    @Column(name = "organization_kind")
    public OrganizationKind organizationKind;

    /** comma-separated preferred notice channels for offers */
    public String channels = "IN_APP,SMS,EMAIL";

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @PrePersist
    @PreUpdate
    void keepActiveFlag() {
        active = status == MediatorStatus.ACTIVE;
    }

    public boolean isActive() {
        return status == MediatorStatus.ACTIVE;
    }

    public List<String> channelList() {
        return split(channels);
    }

    public List<String> languageList() {
        return split(languages);
    }

    public List<String> expertiseList() {
        return split(expertise);
    }

    private static List<String> split(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
    }
}
