package cn.tiaojie.scheduling;

import cn.tiaojie.contracts.common.v1.MediatorRole;
import cn.tiaojie.contracts.common.v1.NoticeChannel;
import cn.tiaojie.contracts.common.v1.Party;
import cn.tiaojie.contracts.common.v1.PartyRole;
import cn.tiaojie.contracts.common.v1.TeamMember;
import cn.tiaojie.contracts.scheduling.v1.HearingRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.scheduling.model.Venue;
import cn.tiaojie.scheduling.model.VenueKind;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Test data: centers of their own (so tests do not compete for venues), requests, expected slots. */
public final class Fixtures {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final LocalTime ROOMS_OPEN = LocalTime.of(8, 30);
    public static final LocalTime ROOMS_CLOSE = LocalTime.of(17, 30);

    private Fixtures() {
    }

    public static String uniqueId(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A fresh center with {@code rooms} rooms open 08:30–17:30; its code. */
    public static String newCenter(int rooms) {
        String center = uniqueId("T-");
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 1; i <= rooms; i++) {
                Venue venue = new Venue();
                venue.id = UUID.randomUUID();
                venue.centerCode = center;
                venue.name = "调解室 " + i;
                venue.address = "测试路 " + i + " 号";
                venue.kind = VenueKind.ROOM;
                venue.capacity = 10;
                venue.opens = ROOMS_OPEN;
                venue.closes = ROOMS_CLOSE;
                venue.persist();
            }
        });
        return center;
    }

    /** A request of a new case at the center, with the mediators given and two parties, due in 30 days. */
    public static HearingRequest.Builder request(String center, String... mediatorIds) {
        HearingRequest.Builder request = HearingRequest.newBuilder()
                .setMessageId(UUID.randomUUID().toString())
                .setCaseId(UUID.randomUUID().toString())
                .setCaseNo(uniqueId("TJ"))
                .setCenterCode(center)
                .setAreaCode("330999102003")
                .setSubcategory("LABOUR.WAGE_ARREARS")
                .setDeadline(ProtoTime.of(Instant.now().plus(Duration.ofDays(30))))
                .setDurationMinutes(90)
                .addParties(Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(PartyRole.APPLICANT)
                        .setName("张三").setPhone("13812345678").addPreferredChannels(NoticeChannel.SMS))
                .addParties(Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(PartyRole.RESPONDENT)
                        .setName("青溪建工有限公司").setEmail("legal@qxjg.example.cn").setOrganization(true));
        for (String id : mediatorIds) {
            request.addTeam(TeamMember.newBuilder().setMediatorId(id).setRole(MediatorRole.PEOPLE_MEDIATOR)
                    .setName("调解员" + id).setPhone("13900000000"));
        }
        return request;
    }

    /**
     * The first start at or after {@code earliest}, on the half hour, Monday to Friday, such that a hearing of
     * {@code duration} lies within 08:30–17:30 Shanghai time.
     */
    public static Instant firstRoomSlotFrom(Instant earliest, Duration duration) {
        long halfHours = Math.ceilDiv(earliest.getEpochSecond() + (earliest.getNano() > 0 ? 1 : 0), 1800);
        for (Instant t = Instant.ofEpochSecond(halfHours * 1800); ; t = t.plus(Duration.ofMinutes(30))) {
            ZonedDateTime local = t.atZone(SHANGHAI);
            boolean weekday = local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY;
            LocalTime start = local.toLocalTime();
            LocalTime end = local.plus(duration).toLocalTime();
            if (weekday && !start.isBefore(ROOMS_OPEN) && !end.isAfter(ROOMS_CLOSE) && end.isAfter(start)) {
                return t;
            }
        }
    }

    /** The first Monday–Friday at least {@code days} days from today, Shanghai time. */
    public static LocalDate workingDayAfter(int days) {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(days);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day;
    }

    public static Instant at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(SHANGHAI).toInstant();
    }
}
