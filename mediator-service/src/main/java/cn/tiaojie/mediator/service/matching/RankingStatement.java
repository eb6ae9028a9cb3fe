package cn.tiaojie.mediator.service.matching;

import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.TeamParty;
import cn.tiaojie.mediator.service.AvailabilityCalendar;
import cn.tiaojie.platform.area.AreaCodes;
import cn.tiaojie.platform.persistence.NamedSql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * The ranking statement ({@code sql/matching/rank.sql}) and its parameters for a subject.
 *
 * One statement for one role or several (a new team's roles are ranked together, each on its own: a mediator has
 * one role, so the roles never compete). "reach" reads the roles' mediators within reach through
 * mediator_role_area and looks up each one's load, recent offers and last offer through the offer indexes;
 * "declared" and "earlier" are driven by the parties' keys; "judged" reads each mediator's time away and hours by
 * the mediator's key, names the first hard rule that fires and computes every soft factor; the answer is, per
 * role, the top candidates, the top exclusions and the count per rule.
 * The arithmetic is float8, rounded as Math.round does, so scores are the ones the README's weights give.
 *
 * Planning the ranking costs twice what running it does, so each connection plans it once (the driver prepares a
 * statement it has run five times) and keeps that plan whatever the parameters. A plan kept that long must not
 * depend on how big the tables were when it was made: with sequential scans ruled out, every table is read
 * through the index on the mediator, team or party key it is looked up by, however empty it was at the time.
 * The settings go out with the ranking, in its round trip, and last until the transaction ends (undoing them would
 * cost another): whatever follows a ranking there reads and writes rows by key.
 */
public final class RankingStatement {

    /** the availability rule looks this far ahead at most: hearings are not planned further out */
    static final Duration LONGEST_WINDOW = AvailabilityCalendar.LONGEST_RANGE;

    /** the statement text; {@code /*only*\/} is where the form for named mediators narrows the reach */
    private static final String RANK = NamedSql.resource("sql/matching/rank.sql").strip();

    public static final String PLAN_ONCE = "set local plan_cache_mode = force_generic_plan; set local enable_seqscan = off";

    /** every mediator of the roles within reach */
    public static final NamedSql RANK_ALL = NamedSql.of(RANK.replace("/*only*/", ""));
    /** only the mediators named by {@code :only} */
    public static final NamedSql RANK_ONLY = NamedSql.of(RANK.replace("/*only*/", "and m.id = any (:only)"));
    static final NamedSql PLANNED_ONCE_RANK_ALL = RANK_ALL.after(PLAN_ONCE);
    static final NamedSql PLANNED_ONCE_RANK_ONLY = RANK_ONLY.after(PLAN_ONCE);

    private RankingStatement() {
    }

    /** The statement's parameters by name, for these roles of the subject at {@code now}. */
    static Map<String, Object> values(Subject subject, List<MediatorRole> roles, Instant now, String[] only,
            int candidateLimit, int excludedLimit, Duration rotationWindow) {
        String handlingArea = AreaCodes.ancestorAt(subject.areaCode(), subject.level());
        List<String> reach = new ArrayList<>();
        for (int length = 6; length <= handlingArea.length(); length += 3) {
            reach.add(handlingArea.substring(0, length));
        }
        String category = subject.subcategory().substring(0, subject.subcategory().indexOf('.'));
        Instant windowEnd = subject.availableBy() == null ? null
                : min(subject.availableBy(), now.plus(LONGEST_WINDOW));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("now", now);
        values.put("since", now.minus(rotationWindow));
        values.put("roles", roles.stream().map(Enum::name).toArray(String[]::new));
        values.put("reach", reach.toArray(String[]::new));
        values.put("only", only);
        values.put("names", keys(subject.parties(), p -> p.nameKey));
        values.put("organizations", subject.parties().stream().filter(p -> p.organization).map(p -> p.nameKey)
                .filter(Objects::nonNull).distinct().toArray(String[]::new));
        values.put("ids", keys(subject.parties(), p -> p.idNumberHash));
        values.put("phones", keys(subject.parties(), p -> p.phoneHash));
        values.put("team", subject.teamId() == null ? new UUID(0, 0) : subject.teamId());
        values.put("asked", subject.askedBefore().toArray(String[]::new));
        values.put("struck", subject.struck().toArray(String[]::new));
        values.put("window_end", windowEnd);
        values.put("subcategory", subject.subcategory());
        values.put("category", category);
        values.put("languages", subject.parties().stream().map(p -> p.language).filter(Objects::nonNull)
                .map(RankingStatement::primaryLanguage).filter(l -> !l.equals("zh")).distinct().toArray(String[]::new));
        values.put("subcategory_points", SoftFactors.SUBCATEGORY_EXPERTISE);
        values.put("category_points", SoftFactors.CATEGORY_EXPERTISE);
        values.put("level_points", SoftFactors.PER_LEVEL_CLOSER);
        values.put("load_points", SoftFactors.FULL_LOAD_PENALTY);
        values.put("language_points", SoftFactors.SHARED_LANGUAGE);
        values.put("unrated", SoftFactors.UNRATED);
        values.put("rating_points", SoftFactors.PER_RATING_POINT);
        values.put("most_rotation", SoftFactors.MOST_ROTATION_PENALTY);
        values.put("rotation_points", SoftFactors.PER_RECENT_OFFER);
        values.put("repeat_party_points", SoftFactors.REPEAT_PARTY_PENALTY);
        values.put("candidate_limit", candidateLimit);
        values.put("excluded_limit", excludedLimit);
        return values;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String[] keys(List<TeamParty> parties, Function<TeamParty, String> key) {
        return parties.stream().map(key).filter(Objects::nonNull).distinct().toArray(String[]::new);
    }

    private static String primaryLanguage(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).strip().toLowerCase(Locale.ROOT);
    }
}
