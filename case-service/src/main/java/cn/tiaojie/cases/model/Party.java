package cn.tiaojie.cases.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A party to a dispute (当事人): a person or an organisation. Phone and ID number are personal information. */
@Entity
public class Party extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "case_id")
    public DisputeCase disputeCase;

    public int position;

    public String role;

    public String kind;

    public String name;

    /** sealed by PersonalDataCipher, never plain */
    public String phone;

    /** sealed by PersonalDataCipher, never plain */
    @Column(name = "id_number")
    public String idNumber;

    @Column(name = "phone_hash")
    public String phoneHash;

    @Column(name = "id_number_hash")
    public String idNumberHash;

    /** comma-separated VulnerableGroup codes */
    public String vulnerabilities = "";

    public String email;

    public String language;

    /** comma-separated notice channels */
    @Column(name = "preferred_channels")
    public String preferredChannels = "";

    public List<String> vulnerabilityList() {
        return vulnerabilities == null || vulnerabilities.isBlank() ? List.of() : Arrays.asList(vulnerabilities.split(","));
    }

    public List<String> preferredChannelList() {
        return preferredChannels == null || preferredChannels.isBlank() ? List.of()
                : Arrays.asList(preferredChannels.split(","));
    }
}
