package cn.tiaojie.mediator;

import cn.tiaojie.mediator.model.DeclaredConflict;
import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorRole;
import cn.tiaojie.mediator.model.Offer;
import cn.tiaojie.mediator.model.Team;
import cn.tiaojie.contracts.common.v1.Party;
import cn.tiaojie.contracts.common.v1.PartyRole;
import cn.tiaojie.contracts.mediator.v1.TeamRequest;
import cn.tiaojie.platform.grpc.ProtoTime;
import cn.tiaojie.platform.outbox.Outbox;
import cn.tiaojie.platform.outbox.OutboxMessage;
import cn.tiaojie.local.DevTokens;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A county of its own for one test: mediators created here serve only areas of this county, so the demo pool and
 * other tests never compete with them for a case.
 */
public final class TestWorld {

    private static final AtomicInteger COUNTIES = new AtomicInteger(400000);

    public static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    public static final String ADMIN = DevTokens.forRole("admin").subject("admin-1").sign();

    public final String county = Integer.toString(COUNTIES.incrementAndGet());
    private int mediators;

    public String township() {
        return county + "101";
    }

    public String village() {
        return county + "101001";
    }

    /** An active mediator of this county with room for several cases, rated 4.0. */
    public String mediator(MediatorRole role, String area, String... expertise) {
        return mediator(role, area, 5, List.of("zh-CN"), expertise);
    }

    public String mediator(MediatorRole role, String area, int capacity, List<String> languages, String... expertise) {
        String id = "T" + county + "-" + (char) ('A' + mediators++);
        QuarkusTransaction.requiringNew().run(() -> {
            Mediator m = new Mediator();
            m.id = id;
            m.name = "调解员" + id;
            m.role = role;
            m.areaCode = area;
            m.phone = "13900001111";
            m.email = id.toLowerCase() + "@test.example";
            m.languages = String.join(",", languages);
            m.expertise = String.join(",", expertise);
            m.capacity = capacity;
            m.rating = new BigDecimal("4.0");
            m.createdAt = Instant.now();
            m.updatedAt = m.createdAt;
            m.persist();
        });
        return id;
    }

    /** An active mediator working for an organisation. */
    public String mediatorOf(MediatorRole role, String area, String organization) {
        String id = mediator(role, area);
        QuarkusTransaction.requiringNew().run(() -> Mediator.<Mediator>findById(id).organization = organization);
        return id;
    }

    public static String residentToken(String caseId, String partyId) {
        return DevTokens.forRole("resident").subject("resident-" + partyId).claim("caseId", caseId)
                .claim("partyId", partyId).sign();
    }

    public void declareConflict(String mediatorId, String partyName) {
        QuarkusTransaction.requiringNew().run(() -> {
            DeclaredConflict c = new DeclaredConflict();
            c.id = UUID.randomUUID();
            c.mediatorId = mediatorId;
            c.partyName = partyName;
            c.declaredAt = Instant.now();
            c.persist();
        });
    }

    /** A filed case of the county center in this county's village, as case-service sends it. */
    public TeamRequest.Builder caseOf(String subcategory, cn.tiaojie.contracts.common.v1.AreaLevel level) {
        UUID caseId = UUID.randomUUID();
        return TeamRequest.newBuilder()
                .setMessageId(Outbox.newMessageId())
                .setCaseId(caseId.toString())
                .setCaseNo("TJ2026" + caseId.toString().substring(0, 6))
                .setSubcategory(subcategory)
                .setAreaCode(village())
                .setLevel(level)
                .setCenterCode("QX-COUNTY")
                .addParties(Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(PartyRole.APPLICANT)
                        .setName("张三").setPhone("13812345678").setLanguage("zh-CN"))
                .addParties(Party.newBuilder().setPartyId(UUID.randomUUID().toString()).setRole(PartyRole.RESPONDENT)
                        .setName("青溪某某有限公司").setOrganization(true))
                .setDeadline(ProtoTime.of(Instant.now().plus(Duration.ofDays(10))));
    }

    public static String mediatorToken(String mediatorId) {
        return DevTokens.forRole("mediator").subject(mediatorId).claim("mediatorId", mediatorId).sign();
    }

    public static Team team(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Team team = Team.ofCase(caseId).orElseThrow();
            // load what the assertions read after the transaction
            team.requiredRoles.size();
            team.optionalRoles.size();
            team.parties.size();
            team.offers.forEach(o -> o.mediator.name.length());
            return team;
        });
    }

    /** The one live offer of a role of a case's team. */
    public static Offer liveOffer(UUID caseId, MediatorRole role) {
        return team(caseId).liveOffer(role).orElseThrow();
    }

    /** Messages of a topic still in the outbox, parsed, that match. */
    public static <T> List<T> outbox(String topic, Parser<T> parser, Predicate<T> matching) {
        List<OutboxMessage> messages = QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.<OutboxMessage>list("topic", topic));
        return messages.stream().map(m -> parse(parser, m.payload)).filter(matching).toList();
    }

    private static <T> T parse(Parser<T> parser, byte[] payload) {
        try {
            return parser.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }
}
