package cn.tiaojie.mediator.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** A team rule an admin set for a category, a subcategory or a risk flag; without one the taxonomy decides. */
@Entity
@Table(name = "team_rule")
public class TeamRule extends PanacheEntityBase {

    public enum Scope {
        CATEGORY, SUBCATEGORY, RISK_FLAG
    }

    @Id
    public String code;

    @Enumerated(EnumType.STRING)
    public Scope scope;

    /** comma-separated role codes */
    @Column(name = "required_roles")
    public String requiredRoles;

    @Column(name = "optional_roles")
    public String optionalRoles = "";

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    public List<MediatorRole> required() {
        return roles(requiredRoles);
    }

    public List<MediatorRole> optional() {
        return roles(optionalRoles);
    }

    public static String join(List<MediatorRole> roles) {
        return String.join(",", roles.stream().map(Enum::name).toList());
    }

    private static List<MediatorRole> roles(String list) {
        return list == null || list.isBlank() ? List.of()
                : Arrays.stream(list.split(",")).map(MediatorRole::valueOf).toList();
    }
}
