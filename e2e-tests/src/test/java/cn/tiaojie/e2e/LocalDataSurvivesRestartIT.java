package cn.tiaojie.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import cn.tiaojie.launcher.Suite;
import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import cn.tiaojie.local.LocalBackups;
import cn.tiaojie.local.LocalPostgres;
import java.sql.Connection;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ./tiaojie up registers is still there after down and up again (the data directory is kept), and in a fresh
 * data directory restored from a backup taken while the suite ran.
 */
class LocalDataSurvivesRestartIT {

    static final String STAFF = DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY").sign();

    @Test
    void aDisputeRegisteredBeforeARestartIsFoundAfterIt(@TempDir Path data) {
        String caseId;
        try (Suite first = SuiteFixture.start("restart-1", data.resolve("pgdata"))) {
            caseId = register(first, "楼上装修噪声扰民", "王五");
        }
        try (Suite second = SuiteFixture.start("restart-2", data.resolve("pgdata"))) {
            given().auth().oauth2(STAFF).get(second.url(SuiteService.CASE).resolve("/api/cases/" + caseId).toString())
                    .then().statusCode(200).body("summary", equalTo("楼上装修噪声扰民"));
        }
    }

    @Test
    void aBackupTakenWhileTheSuiteRunsRestoresTheSameCasesIntoAFreshDataDirectory(@TempDir Path data) throws Exception {
        String before;
        Path zip = data.resolve("backup.zip");
        try (Suite running = SuiteFixture.start("backup-1", data.resolve("pgdata"))) {
            before = register(running, "邻居占用公共楼道堆放杂物", "王五");
            try (Connection superuser = LocalPostgres.superuser(running.postgresPort())) {
                LocalBackups.backup(superuser, data.resolve("pgdata"), zip);
            }
            register(running, "备份之后登记的纠纷", "赵六");
        }
        LocalBackups.restore(zip, data.resolve("restored"));
        try (Suite restored = SuiteFixture.start("backup-2", data.resolve("restored"))) {
            given().auth().oauth2(STAFF).get(restored.url(SuiteService.CASE).resolve("/api/cases/" + before).toString())
                    .then().statusCode(200).body("summary", equalTo("邻居占用公共楼道堆放杂物"));
            // the text search finds what the backup holds, and not what came after it
            for (String summary : java.util.List.of("邻居占用公共楼道堆放杂物", "备份之后登记的纠纷")) {
                given().auth().oauth2(STAFF).queryParam("text", summary)
                        .get(restored.url(SuiteService.CASE).resolve("/api/cases").toString())
                        .then().statusCode(200).body("total", equalTo(summary.startsWith("备份之后") ? 0 : 1));
            }
        }
    }

    private static String register(Suite suite, String summary, String respondent) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"channel":"HOTLINE_12345","subcategory":"NEIGHBOUR.NOISE","areaCode":"330999101001",
                 "summary":"%s",
                 "parties":[{"role":"APPLICANT","kind":"PERSON","name":"李四"},
                            {"role":"RESPONDENT","kind":"PERSON","name":"%s"}]}""".formatted(summary, respondent))
                .post(suite.url(SuiteService.CASE).resolve("/api/cases").toString())
                .then().statusCode(201).extract().path("id");
    }
}
