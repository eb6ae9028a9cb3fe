package cn.tiaojie.mediator.service;

import cn.tiaojie.mediator.config.MatchingConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** Moves offers nobody answered in time on to the next candidate. Safe on several replicas: teams are locked. */
@ApplicationScoped
public class OfferExpirySweep {

    private final TeamFormation formation;
    private final MatchingConfig config;

    OfferExpirySweep(TeamFormation formation, MatchingConfig config) {
        this.formation = formation;
        this.config = config;
    }

    @Scheduled(every = "${tiaojie.mediator.expiry-check-interval:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (config.expiryEnabled()) {
            formation.expireDue();
        }
    }
}
