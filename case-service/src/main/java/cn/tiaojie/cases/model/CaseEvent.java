package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step in a case's timeline. */
@Entity
@Table(name = "case_event")
public class CaseEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id")
    public UUID caseId;

    public Instant at;

    public String type;

    public String actor;

    public String detail;

    public static void record(UUID caseId, String type, String actor, String detail) {
        CaseEvent event = new CaseEvent();
        event.caseId = caseId;
        event.at = Instant.now();
        event.type = type;
        event.actor = actor;
        event.detail = detail;
        event.persist();
    }
}
