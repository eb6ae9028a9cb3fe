package cn.tiaojie.mediator.service;

import static cn.tiaojie.mediator.TestWorld.liveOffer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.contracts.common.v1.AreaLevel;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.mediator.TestWorld;
import cn.tiaojie.mediator.grpc.TeamRequests;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.OfferStatus;
import cn.tiaojie.platform.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An offer's expiry racing its acceptance: the offer runs out 150 ms after both start, the mediator accepts (as the
 * REST endpoint does) at a random moment within 250 ms, and the sweep runs over and over until the offer is answered. Round after round
 * exactly one outcome holds: accepted and nobody else offered the place, or expired (the accept refused: too late)
 * and the place offered to the next candidate once.
 */
@QuarkusTest
class OfferExpiryRaceTest {

    private static final int ROUNDS = 20;

    @Inject
    TeamFormation formation;

    @Test
    void expiryAndAcceptanceOfOneOfferEndWithExactlyOneOutcomeRoundAfterRound() throws Exception {
        int accepted = 0;
        int expired = 0;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                TestWorld world = new TestWorld();
                String first = world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county, "NEIGHBOUR.NOISE");
                world.mediator(MediatorRole.PEOPLE_MEDIATOR, world.county);
                TeamRequest request = world.caseOf("NEIGHBOUR.NOISE", AreaLevel.GRID).build();
                formation.requestTeam(TeamRequests.of(request));
                UUID caseId = UUID.fromString(request.getCaseId());
                Offer offer = liveOffer(caseId, MediatorRole.PEOPLE_MEDIATOR);
                assertEquals(first, offer.mediator.id);

                Instant runsOut = Instant.now().plusMillis(150);
                QuarkusTransaction.requiringNew().run(() -> Offer.update("expiresAt = ?1 where id = ?2", runsOut, offer.id));
                CountDownLatch go = new CountDownLatch(1);
                long acceptDelay = ThreadLocalRandom.current().nextLong(0, 250);
                Future<Integer> accept = pool.submit(() -> {
                    go.await();
                    Thread.sleep(acceptDelay);
                    try {
                        formation.accept(offer.id, first);
                        return 200;
                    } catch (ProblemException refused) {
                        String why = String.valueOf(refused.getMessage());
                        return why.contains("expired at") || why.contains("is EXPIRED") ? 409 : 500;
                    }
                });
                Future<Integer> sweeps = pool.submit(() -> {
                    go.await();
                    long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    int expiredHere = 0;
                    while (System.nanoTime() < until && status(offer.id) == OfferStatus.OFFERED) {
                        expiredHere += formation.expireDue();
                    }
                    return expiredHere;
                });
                go.countDown();
                int code = accept.get(60, TimeUnit.SECONDS);
                sweeps.get(60, TimeUnit.SECONDS);

                OfferStatus outcome = status(offer.id);
                List<Offer> offers = QuarkusTransaction.requiringNew().call(() -> Offer.<Offer>list("team.caseId", caseId));
                if (code == 200) {
                    accepted++;
                    assertEquals(OfferStatus.ACCEPTED, outcome, "round " + round + ": accepted, so not expired");
                    assertEquals(1, offers.size(), "round " + round + ": nobody else was offered the place");
                } else {
                    expired++;
                    assertEquals(409, code, "round " + round + ": the accept either wins or is told the offer expired");
                    assertEquals(OfferStatus.EXPIRED, outcome, "round " + round);
                    assertEquals(2, offers.size(), "round " + round + ": the next candidate is offered the place once");
                    assertEquals(1, offers.stream().filter(o -> o.status == OfferStatus.OFFERED).count(), "round " + round);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ROUNDS, accepted + expired);
        // the accept lands before and after the offer runs out: both outcomes happen, so the rounds did race
        assertTrue(accepted > 0 && expired > 0, accepted + " accepted, " + expired + " expired");
        System.out.printf("offer expiry racing acceptance: %d accepted, %d expired of %d rounds%n", accepted, expired, ROUNDS);
    }

    private static OfferStatus status(UUID offer) {
        return QuarkusTransaction.requiringNew().call(() -> Offer.<Offer>findById(offer).status);
    }
}
