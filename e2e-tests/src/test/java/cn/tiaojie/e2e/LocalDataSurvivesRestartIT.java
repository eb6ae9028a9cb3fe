package cn.tiaojie.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What ./tiaojie up registers is still there after down and up again: the data directory is kept. */
class LocalDataSurvivesRestartIT {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY").sign();

    @Test
    void aDisputeRegisteredBeforeARestartIsFoundAfterIt(@TempDir Path data) {
        String caseId;
        try (Suite first = SuiteFixture.start("restart-1", data.resolve("pgdata"))) {
            caseId = given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                    {"channel":"HOTLINE_12345","subcategory":"NEIGHBOUR.NOISE","areaCode":"330999101001",
                     "summary":"楼上装修噪声扰民",
                     "parties":[{"role":"APPLICANT","kind":"PERSON","name":"李四"},
                                {"role":"RESPONDENT","kind":"PERSON","name":"王五"}]}""")
                    .post(first.url(SuiteService.CASE).resolve("/api/cases").toString())
                    .then().statusCode(201).extract().path("id");
        }
        try (Suite second = SuiteFixture.start("restart-2", data.resolve("pgdata"))) {
            given().auth().oauth2(STAFF).get(second.url(SuiteService.CASE).resolve("/api/cases/" + caseId).toString())
                    .then().statusCode(200).body("summary", equalTo("楼上装修噪声扰民"));
        }
    }
}
