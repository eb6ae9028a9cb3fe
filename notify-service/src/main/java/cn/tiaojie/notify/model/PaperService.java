package cn.tiaojie.notify.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A notice served by hand on paper (纸质送达), with the photo of its signed slip (送达回证). */
@Entity
@Table(name = "paper_service")
public class PaperService extends PanacheEntityBase {

    @Id
    @Column(name = "notice_id")
    public UUID noticeId;

    /** the grid worker or staff member who served it */
    @Column(name = "served_by")
    public String servedBy;

    @Column(name = "served_at")
    public Instant servedAt;

    public String place;

    /** who took the notice: the recipient, or another (see {@link #relation}); null when refused */
    @Column(name = "received_by")
    public String receivedBy;

    /** how the receiver is related to the recipient, when it was not the recipient */
    public String relation;

    /** refused before a witness (留置送达) */
    public boolean refused;

    public String witness;

    @Basic(fetch = FetchType.LAZY)
    public byte[] slip;

    @Column(name = "slip_content_type")
    public String slipContentType;

    @Column(name = "slip_sha256")
    public String slipSha256;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
