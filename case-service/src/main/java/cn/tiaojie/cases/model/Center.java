package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A mediation center (矛调中心); staff belong to one. */
@Entity
public class Center extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    @Column(name = "area_code")
    public String areaCode;

    public String address;

    /** the number residents call about their case */
    public String phone;
}
