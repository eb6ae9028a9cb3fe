package cn.tiaojie.notify;

import cn.tiaojie.contracts.cases.v1.CaseService;
import cn.tiaojie.contracts.cases.v1.CaseView;
import cn.tiaojie.contracts.cases.v1.GetCaseRequest;
import cn.tiaojie.contracts.cases.v1.HearingCancelled;
import cn.tiaojie.contracts.cases.v1.HearingScheduled;
import cn.tiaojie.contracts.cases.v1.NoticeAcknowledged;
import cn.tiaojie.contracts.cases.v1.PartyRating;
import cn.tiaojie.contracts.cases.v1.SummonsAnswered;
import cn.tiaojie.contracts.cases.v1.TeamAssigned;
import cn.tiaojie.contracts.common.v1.Recorded;
import io.grpc.Status;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for case-service on the test port, over real gRPC: records the receipts, ratings and summons answers
 * notify-service reports and answers GetCase. A case registered in {@link #CASES} has that center and area; any other case lies in the demo
 * county center (QX-COUNTY, area 330999102003), except ids starting with {@code unknown-}, which it does not know,
 * and the ids in {@link #UNAVAILABLE_FOR}, for which it answers UNAVAILABLE.
 */
@GrpcService
public class RecordingCaseService implements CaseService {

    public static final List<NoticeAcknowledged> ACKNOWLEDGED = new CopyOnWriteArrayList<>();

    public static final List<PartyRating> RATINGS = new CopyOnWriteArrayList<>();

    public static final List<SummonsAnswered> SUMMONS_ANSWERS = new CopyOnWriteArrayList<>();

    public static final String DEFAULT_CENTER = "QX-COUNTY";
    public static final String DEFAULT_AREA = "330999102003";

    /** case id → {center, area} */
    public static final Map<String, String[]> CASES = new ConcurrentHashMap<>();

    /** cases for which this stand-in acts as if case-service were down */
    public static final Set<String> UNAVAILABLE_FOR = ConcurrentHashMap.newKeySet();

    /** Registers a case with its center and area; returns its id. */
    public static String caseIn(String center, String area) {
        String caseId = "case-" + UUID.randomUUID();
        CASES.put(caseId, new String[] {center, area});
        return caseId;
    }

    @Override
    public Uni<Recorded> recordNoticeAcknowledged(NoticeAcknowledged request) {
        ACKNOWLEDGED.add(request);
        return Uni.createFrom().item(Recorded.newBuilder().setApplied(true).build());
    }

    @Override
    public Uni<Recorded> recordRating(PartyRating request) {
        RATINGS.add(request);
        return Uni.createFrom().item(Recorded.newBuilder().setApplied(true).build());
    }

    @Override
    public Uni<Recorded> recordSummonsAnswer(SummonsAnswered request) {
        SUMMONS_ANSWERS.add(request);
        return Uni.createFrom().item(Recorded.newBuilder().setApplied(true).build());
    }

    @Override
    public Uni<CaseView> getCase(GetCaseRequest request) {
        String caseId = request.getCaseId();
        if (caseId.startsWith("unknown-")) {
            return Uni.createFrom().failure(Status.NOT_FOUND.asRuntimeException());
        }
        if (UNAVAILABLE_FOR.contains(caseId)) {
            return Uni.createFrom().failure(Status.UNAVAILABLE.asRuntimeException());
        }
        String[] scope = CASES.getOrDefault(caseId, new String[] {DEFAULT_CENTER, DEFAULT_AREA});
        return Uni.createFrom().item(CaseView.newBuilder().setCaseId(caseId).setCenterCode(scope[0])
                .setAreaCode(scope[1]).build());
    }

    @Override
    public Uni<Recorded> recordTeamAssigned(TeamAssigned request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<Recorded> recordHearingScheduled(HearingScheduled request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }

    @Override
    public Uni<Recorded> recordHearingCancelled(HearingCancelled request) {
        return Uni.createFrom().failure(Status.UNIMPLEMENTED.asRuntimeException());
    }
}
