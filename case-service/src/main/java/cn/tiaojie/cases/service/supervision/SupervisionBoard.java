package cn.tiaojie.cases.service.supervision;

import cn.tiaojie.cases.model.CaseEvent;
import cn.tiaojie.cases.model.DisputeCase;
import cn.tiaojie.cases.model.Summons;
import cn.tiaojie.cases.model.SummonsStatus;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What a supervisor's board shows of a jurisdiction (an area code prefix): what is overdue, what was escalated. */
@ApplicationScoped
public class SupervisionBoard {

    private static final int LIMIT = 500;

    /** Open cases past their step's deadline and unanswered summonses past theirs, as of {@code now}. */
    public record Overdue(Instant now, List<DisputeCase> cases, List<Summons> summons, Map<UUID, String> caseNumbers) {
    }

    /** An ESCALATED event and its case as it is now. */
    public record Escalation(CaseEvent event, DisputeCase disputeCase) {
    }

    /** Most overdue first. */
    @Transactional
    public Overdue overdue(String area) {
        Instant now = Instant.now();
        List<DisputeCase> cases = DisputeCase.find("step is not null and stepDeadline < ?1 and areaCode like ?2",
                Sort.ascending("stepDeadline"), now, area + "%").page(0, LIMIT).list();
        List<Summons> summons = Summons.find(
                "status = ?1 and deadline < ?2 and caseId in (select c.id from DisputeCase c where c.areaCode like ?3)",
                Sort.ascending("deadline"), SummonsStatus.REQUESTED, now, area + "%").page(0, LIMIT).list();
        Map<UUID, String> caseNumbers = summons.isEmpty() ? Map.of() : DisputeCase.<DisputeCase>list("id in ?1",
                summons.stream().map(s -> s.caseId).distinct().toList()).stream()
                .collect(Collectors.toMap(c -> c.id, c -> c.caseNo));
        return new Overdue(now, cases, summons, caseNumbers);
    }

    /** The escalations of the last {@code days} days, newest first. */
    @Transactional
    public List<Escalation> escalations(String area, int days) {
        List<Object[]> rows = DisputeCase.getEntityManager().createQuery("""
                select e, c from CaseEvent e, DisputeCase c
                where e.type = 'ESCALATED' and e.at >= ?1 and c.id = e.caseId and c.areaCode like ?2
                order by e.at desc""", Object[].class)
                .setParameter(1, Instant.now().minus(Duration.ofDays(days))).setParameter(2, area + "%")
                .setMaxResults(LIMIT).getResultList();
        return rows.stream().map(row -> new Escalation((CaseEvent) row[0], (DisputeCase) row[1])).toList();
    }
}
