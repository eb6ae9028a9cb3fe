package cn.tiaojie.scheduling.model;

import static cn.tiaojie.scheduling.Fixtures.newCenter;
import static cn.tiaojie.scheduling.Fixtures.request;
import static cn.tiaojie.scheduling.Fixtures.uniqueId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.contracts.scheduling.v1.SchedulingServiceGrpc;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The database itself refuses double bookings, whatever the application does. */
@QuarkusTest
class DoubleBookingConstraintTest {

    static final String EXCLUSION_VIOLATION = "23P01";

    @GrpcClient("scheduling")
    SchedulingServiceGrpc.SchedulingServiceBlockingStub scheduling;

    @Inject
    EntityManager em;

    @Test
    void anOverlappingHearingInTheSameVenueIsRejected() {
        String center = newCenter(1);
        String hearingId = scheduling.requestHearing(request(center, uniqueId("M")).build()).getHearingId();

        // another case, same venue, starting half an hour into the booked hearing
        assertEquals(EXCLUSION_VIOLATION, sqlStateOf("""
                insert into hearing (id, case_id, case_no, center_code, area_code, venue_id, starts_at, ends_at,
                                     status, within_deadline, created_at)
                select gen_random_uuid(), gen_random_uuid(), 'TJ-DIRECT', center_code, area_code, venue_id,
                       starts_at + interval '30 minutes', ends_at + interval '30 minutes', 'BOOKED', true, now()
                from hearing where id = cast(:id as uuid)""", hearingId));
        // a cancelled hearing holds nothing
        assertEquals(null, sqlStateOf("""
                insert into hearing (id, case_id, case_no, center_code, area_code, venue_id, starts_at, ends_at,
                                     status, within_deadline, created_at)
                select gen_random_uuid(), gen_random_uuid(), 'TJ-DIRECT', center_code, area_code, venue_id,
                       starts_at, ends_at, 'CANCELLED', true, now()
                from hearing where id = cast(:id as uuid)""", hearingId));
    }

    @Test
    void aParticipantInTwoOverlappingHearingsIsRejectedEvenInDifferentVenues() {
        String center = newCenter(2);
        String mediator = uniqueId("M");
        HearingRequest first = request(center, mediator).build();
        String hearingId = scheduling.requestHearing(first).getHearingId();
        String otherHearing = UUID.randomUUID().toString();
        // a second hearing in the other room at the same time: the venue constraint lets it in
        assertEquals(null, sqlStateOf("""
                insert into hearing (id, case_id, case_no, center_code, area_code, venue_id, starts_at, ends_at,
                                     status, within_deadline, created_at)
                select cast('%s' as uuid), gen_random_uuid(), 'TJ-DIRECT', h.center_code, h.area_code, v.id,
                       h.starts_at, h.ends_at, 'BOOKED', true, now()
                from hearing h join venue v on v.center_code = h.center_code and v.id <> h.venue_id
                where h.id = cast(:id as uuid)""".formatted(otherHearing), hearingId));

        // but the first hearing's mediator cannot attend it too
        assertEquals(EXCLUSION_VIOLATION, sqlStateOf("""
                insert into hearing_participant (id, hearing_id, participant_id, kind, name, starts_at, ends_at, status)
                select gen_random_uuid(), id, '%s', 'MEDIATOR', '调解员', starts_at, ends_at, status
                from hearing where id = cast(:id as uuid)""".formatted(mediator), otherHearing));
    }

    @Test
    void aParticipantsCopyOfTheTimesMustMatchItsHearing() {
        String hearingId = scheduling.requestHearing(request(newCenter(1), uniqueId("M")).build()).getHearingId();
        assertEquals("23503", sqlStateOf("""
                insert into hearing_participant (id, hearing_id, participant_id, kind, name, starts_at, ends_at, status)
                select gen_random_uuid(), id, 'P-ELSEWHERE', 'PARTY', '王五', starts_at + interval '1 day',
                       ends_at + interval '1 day', status
                from hearing where id = cast(:id as uuid)""", hearingId));
    }

    /** Runs the statement in its own transaction; the SQL state it failed with, or null if it succeeded. */
    private String sqlStateOf(String sql, String id) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                int rows = em.createNativeQuery(sql).setParameter("id", id).executeUpdate();
                assertEquals(1, rows);
            });
            return null;
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException s) {
                    return s.getSQLState();
                }
            }
            throw e;
        }
    }
}
