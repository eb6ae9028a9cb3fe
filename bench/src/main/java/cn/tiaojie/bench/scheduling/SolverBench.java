package cn.tiaojie.bench.scheduling;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import cn.tiaojie.scheduling.service.plan.HearingPlan;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The optimiser on 1,000 hearings, 200 venues and 600 mediators over two weeks, with the service's solver
 * configuration and constraints: (1) the greedy first-fit baseline; (2) the solver from scratch, when its best plan
 * first breaks no hard rule and where it ends after 30 s; (3) the solver started from the greedy plan, as a
 * supervisor's job starts from the bookings the fast path made. Once with the parties' preferences (medium score,
 * which outranks soft) and once on the same data without them, where soft alone is compared. Run: ./mvnw -q -pl bench exec:java
 * -Dexec.mainClass=cn.tiaojie.bench.scheduling.SolverBench [-Dbench.seconds=30]
 */
public final class SolverBench {

    private SolverBench() {
    }

    public static void main(String[] args) {
        long seconds = Long.getLong("bench.seconds", 30);
        // the service's own solver configuration, with the bench's time limit
        SolverFactory<HearingPlan> factory = SolverFactory.create(SolverConfig.createFromXmlResource("solverConfig.xml")
                .withTerminationSpentLimit(Duration.ofSeconds(seconds)));
        SolutionManager<HearingPlan, HardMediumSoftScore> scores = SolutionManager.create(factory);
        System.out.printf("machine: %d cores available to the JVM, solver limit %d s%n",
                Runtime.getRuntime().availableProcessors(), seconds);

        System.out.println("-- with preferences (a tenth each prefer evening, on-site, video) --");
        compare(factory, scores, true);
        System.out.println("-- without preferences: the soft goals alone --");
        compare(factory, scores, false);
    }

    private static void compare(SolverFactory<HearingPlan> factory,
            SolutionManager<HearingPlan, HardMediumSoftScore> scores, boolean preferences) {
        HearingPlan cold = SyntheticPlan.generate(20, 10, 30, 50, 42, preferences);
        System.out.printf("problem: %d hearings, %d venues, %d mediators, %d start slots over two weeks%n",
                cold.hearings.size(), cold.venues.size(), 20 * 30, cold.slots.size());
        HearingPlan greedy = SyntheticPlan.generate(20, 10, 30, 50, 42, preferences);
        long greedyStart = System.nanoTime();
        GreedyFirstFit.assign(greedy);
        double greedyMillis = (System.nanoTime() - greedyStart) / 1e6;
        HardMediumSoftScore greedyScore = scores.update(greedy);
        System.out.printf("greedy first fit:    %-28s in %.0f ms%n", greedyScore, greedyMillis);

        Run fromScratch = solve(factory, cold);
        System.out.printf("solver from scratch: %-28s after %.1f s; first 0hard at %s%n", fromScratch.best.score,
                fromScratch.millis / 1000.0, fromScratch.firstFeasibleMillis < 0 ? "never"
                        : "%.1f s".formatted(fromScratch.firstFeasibleMillis / 1000.0));
        Run warm = solve(factory, greedy);
        System.out.printf("solver from greedy:  %-28s after %.1f s%n", warm.best.score, warm.millis / 1000.0);
    }

    private record Run(HearingPlan best, long millis, long firstFeasibleMillis) {
    }

    private static Run solve(SolverFactory<HearingPlan> factory, HearingPlan plan) {
        Solver<HearingPlan> solver = factory.buildSolver();
        AtomicLong firstFeasible = new AtomicLong(-1);
        long start = System.nanoTime();
        solver.addEventListener(event -> {
            HardMediumSoftScore score = (HardMediumSoftScore) event.getNewBestScore();
            if (event.isNewBestSolutionInitialized() && score.hardScore() == 0 && firstFeasible.get() < 0) {
                firstFeasible.set((System.nanoTime() - start) / 1_000_000);
            }
        });
        HearingPlan best = solver.solve(plan);
        return new Run(best, (System.nanoTime() - start) / 1_000_000, firstFeasible.get());
    }
}
