package cn.tiaojie.mediator.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A party as matching needs it: who they are across cases (name key, hashed ID number and phone) for conflicts of
 * interest, the language for the language match, the party id for party choice.
 */
@Embeddable
public class TeamParty {

    @Column(name = "party_id")
    public String partyId;

    @Column(name = "party_role")
    public String partyRole;

    public String name;

    public String language;

    public boolean organization;

    @Column(name = "name_key")
    public String nameKey;

    @Column(name = "id_number_hash")
    public String idNumberHash;

    @Column(name = "phone_hash")
    public String phoneHash;

    public TeamParty() {
    }

    public TeamParty(String name, String language) {
        this.name = name;
        this.language = language;
    }
}
