package cn.tiaojie.mediator.service.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/** The soft factors' weights: documented in the README; an explanation carries each factor's contribution. */
public final class SoftFactors {

    static final double SUBCATEGORY_EXPERTISE = 30;
    static final double CATEGORY_EXPERTISE = 20;
    static final double PER_LEVEL_CLOSER = 8;
    static final double FULL_LOAD_PENALTY = 10;
    static final double SHARED_LANGUAGE = 15;
    static final double PER_RATING_POINT = 2;
    /** an unrated newcomer scores as a middling mediator, neither favoured nor buried */
    static final double UNRATED = 3.0;
    static final double PER_RECENT_OFFER = 2;
    static final double MOST_ROTATION_PENALTY = 10;
    /** served on an earlier case with a party of this one: a repeat party's cases spread over the pool */
    public static final double REPEAT_PARTY_PENALTY = 15;

    private SoftFactors() {
    }

    /** Each factor's weight, as the README documents them and explanations repeat them. */
    static Map<String, String> weights() {
        Map<String, String> weights = new LinkedHashMap<>();
        weights.put("expertise", "+" + SUBCATEGORY_EXPERTISE + " the subcategory, +" + CATEGORY_EXPERTISE + " its category");
        weights.put("proximity", "+" + PER_LEVEL_CLOSER + " per level below the county shared with the case's area");
        weights.put("load", "-" + FULL_LOAD_PENALTY + " x open cases / capacity");
        weights.put("language", "+" + SHARED_LANGUAGE + " for a party's language or dialect other than Chinese");
        weights.put("rating", "+" + PER_RATING_POINT + " per rating point (unrated counts " + UNRATED + ")");
        weights.put("rotation", "-" + PER_RECENT_OFFER + " per offer in the rotation window, at most -" + MOST_ROTATION_PENALTY);
        weights.put("repeatParty", "-" + REPEAT_PARTY_PENALTY + " for having served on an earlier case with a party of"
                + " this case (a hard exclusion instead where an earlier-involvement rule covers the category)");
        return weights;
    }
}
