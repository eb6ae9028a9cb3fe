package cn.tiaojie.mediator.rest;

import static cn.tiaojie.mediator.TestWorld.ADMIN;
import static cn.tiaojie.mediator.TestWorld.STAFF;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.tiaojie.mediator.model.Mediator;
import cn.tiaojie.mediator.model.MediatorStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PoolImportTest {

    static final String CSV = """
            id,name,role,areaCode,organization,organizationKind,phone,email,languages,expertise,capacity,rating,status
            M70001,江海,LAWYER,330998,"青海律师事务所,合伙",LAW_FIRM,13900007001,jh@example.cn,zh-CN;en,LABOUR;CONTRACT_DEBT,5,4.5,ACTIVE
            M70002,,JUDGE,330998,青海县人民法院,COURT,,,,,4,,
            M70003,林岚,ASTROLOGER,330998,,,,,,,3,,
            M70004,何川,SOCIAL_WORKER,33099,,SOCIAL_WORK_ORGANIZATION,,,,NO_SUCH,many,9,
            M001,重复,LAWYER,330998,,,,,,,3,,
            M70001,再来一次,LAWYER,330998,,,,,,,3,,
            M70005,周雨,COUNSELOR,330998101,青海心理咨询中心,COUNSELING_CENTER,,,wuu,MARRIAGE_FAMILY,3,,ON_LEAVE
            """;

    @Test
    void goodRowsAreAddedAndEveryBadRowIsReportedWithItsLineAndFields() {
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(CSV)
                .post("/api/mediators/import")
                .then().statusCode(200)
                .body("rows", equalTo(7))
                .body("imported", equalTo(2))
                .body("importedIds", equalTo(List.of("M70001", "M70005")))
                .body("rejected.line", equalTo(List.of(3, 4, 5, 6, 7)))
                .body("rejected[0].errors.field", equalTo(List.of("name")))
                .body("rejected[1].errors.field", equalTo(List.of("role")))
                .body("rejected[2].errors.field", hasItems("capacity", "rating"))
                .body("rejected[3].errors[0].message", equalTo("M001 is already in the pool"))
                .body("rejected[4].errors[0].message", equalTo("M70001 appears twice in the file"));

        Mediator lawyer = QuarkusTransaction.requiringNew().call(() -> Mediator.findById("M70001"));
        assertEquals("青海律师事务所,合伙", lawyer.organization);
        assertEquals(List.of("LABOUR", "CONTRACT_DEBT"), lawyer.expertiseList());
        Mediator counselor = QuarkusTransaction.requiringNew().call(() -> Mediator.findById("M70005"));
        assertEquals(MediatorStatus.ON_LEAVE, counselor.status);
        assertEquals(false, counselor.active);

        given().auth().oauth2(STAFF).queryParam("status", "ON_LEAVE").queryParam("language", "wuu")
                .get("/api/mediators").then().statusCode(200).body("id", hasItem("M70005"));
        given().auth().oauth2(STAFF).queryParam("expertise", "LABOUR").queryParam("q", "青海")
                .get("/api/mediators").then().statusCode(200).body("id", equalTo(List.of("M70001")))
                .header("X-Total-Count", "1");
    }

    @Test
    void aDryRunWritesNothingAndABadHeaderRejectsTheFile() {
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8")
                .body("id,name,role,areaCode,capacity\nM70100,试运行,LAWYER,330998,3\n")
                .queryParam("dryRun", true)
                .post("/api/mediators/import")
                .then().statusCode(200).body("imported", equalTo(1)).body("dryRun", equalTo(true));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Mediator.findById("M70100")));

        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8")
                .body("id,name,role,area,capacity\nM70101,某,LAWYER,330998,3\n")
                .post("/api/mediators/import")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("header[3]", "header")));
        given().auth().oauth2(STAFF).contentType("text/csv; charset=UTF-8").body("id,name,role,areaCode,capacity\n")
                .post("/api/mediators/import").then().statusCode(403);
    }
}
