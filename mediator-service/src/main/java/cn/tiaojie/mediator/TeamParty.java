package cn.tiaojie.mediator;

import jakarta.persistence.Embeddable;

/** A party as matching needs it: the name for conflicts of interest, the language for the language match. */
@Embeddable
public class TeamParty {

    public String name;

    public String language;

    public TeamParty() {
    }

    public TeamParty(String name, String language) {
        this.name = name;
        this.language = language;
    }
}
