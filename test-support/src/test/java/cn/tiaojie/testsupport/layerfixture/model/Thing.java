package cn.tiaojie.testsupport.layerfixture.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Thing extends PanacheEntityBase {
    @Id
    public Long id;
}
