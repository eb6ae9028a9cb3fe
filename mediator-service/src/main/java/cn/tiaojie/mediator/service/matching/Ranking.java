package cn.tiaojie.mediator.service.matching;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The best candidates in order (at most the limit asked) out of {@code candidateTotal}; the best-scored
 * exclusions (at most the limit asked) and how many mediators each rule excluded.
 */
public record Ranking(List<Candidate> candidates, int candidateTotal, List<Excluded> excluded,
        Map<Rule, Integer> excludedByRule) {

    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    public int excludedTotal() {
        return excludedByRule.values().stream().mapToInt(Integer::intValue).sum();
    }

    public Optional<Candidate> candidate(String mediatorId) {
        return candidates.stream().filter(c -> c.mediatorId().equals(mediatorId)).findFirst();
    }

    public Optional<Excluded> exclusion(String mediatorId) {
        return excluded.stream().filter(e -> e.mediatorId().equals(mediatorId)).findFirst();
    }
}
