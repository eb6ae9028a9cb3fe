package cn.tiaojie.scheduling.client;

import cn.tiaojie.contracts.common.v1.TimeWindow;
import cn.tiaojie.contracts.mediator.v1.AvailabilityReply;
import cn.tiaojie.contracts.mediator.v1.AvailabilityRequest;
import cn.tiaojie.contracts.mediator.v1.MediatorAvailability;
import cn.tiaojie.contracts.mediator.v1.MediatorServiceGrpc;
import cn.tiaojie.platform.grpc.ClientDeadlines;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.service.booking.TimeRange;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mediator-service (gRPC client {@code mediator}): mediators' free windows, asked once per booking for the whole
 * search window.
 */
@ApplicationScoped
public class MediatorClient {

    static final String CLIENT = "mediator";

    @GrpcClient(CLIENT)
    MediatorServiceGrpc.MediatorServiceBlockingStub mediator;

    private final ClientDeadlines deadlines;

    MediatorClient(ClientDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    /**
     * Each mediator's free windows between from and to, adjacent windows merged; a mediator mediator-service does
     * not report has none. A failure of mediator-service answers UNAVAILABLE, so the caller's outbox retries.
     */
    public Map<String, List<TimeRange>> freeWindows(Collection<String> mediatorIds, Instant from, Instant to) {
        Map<String, List<TimeRange>> free = new LinkedHashMap<>();
        mediatorIds.forEach(id -> free.put(id, List.of()));
        if (mediatorIds.isEmpty()) {
            return free;
        }
        AvailabilityReply reply;
        try {
            reply = deadlines.apply(mediator, CLIENT).getAvailability(AvailabilityRequest.newBuilder()
                    .addAllMediatorIds(mediatorIds).setFrom(ProtoTime.of(from)).setTo(ProtoTime.of(to)).build());
        } catch (StatusRuntimeException e) {
            throw Status.UNAVAILABLE.withDescription("mediator availability: " + e.getStatus()).withCause(e)
                    .asRuntimeException();
        }
        for (MediatorAvailability availability : reply.getMediatorsList()) {
            if (free.containsKey(availability.getMediatorId())) {
                free.put(availability.getMediatorId(), merged(availability.getFreeList()));
            }
        }
        return free;
    }

    /** Windows sorted and joined where they touch or overlap, so a slot across two adjacent windows fits. */
    static List<TimeRange> merged(List<TimeWindow> windows) {
        List<TimeRange> sorted = windows.stream()
                .map(w -> new Window(ProtoTime.toInstant(w.getStart()), ProtoTime.toInstant(w.getEnd())))
                .filter(w -> w.start() != null && w.end() != null && w.start().isBefore(w.end()))
                .sorted(Comparator.comparing(Window::start))
                .map(w -> new TimeRange(w.start(), w.end()))
                .toList();
        List<TimeRange> merged = new ArrayList<>();
        for (TimeRange window : sorted) {
            TimeRange last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && !window.start().isAfter(last.end())) {
                merged.set(merged.size() - 1,
                        new TimeRange(last.start(), window.end().isAfter(last.end()) ? window.end() : last.end()));
            } else {
                merged.add(window);
            }
        }
        return merged;
    }

    private record Window(Instant start, Instant end) {
    }
}
