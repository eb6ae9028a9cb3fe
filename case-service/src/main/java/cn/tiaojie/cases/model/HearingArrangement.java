package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** How a case's hearing is to be held; a case without a row asks for a day hearing at the center. */
@Entity
@Table(name = "hearing_arrangement")
public class HearingArrangement extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    public boolean evening;

    @Column(name = "on_site")
    public boolean onSite;

    @Column(name = "video_allowed")
    public boolean videoAllowed;

    /** The language an interpreter translates; null when none is needed. */
    @Column(name = "interpreter_language")
    public String interpreterLanguage;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;
}
