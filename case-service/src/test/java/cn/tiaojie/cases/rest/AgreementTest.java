package cn.tiaojie.cases.rest;

import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.Flow;
import cn.tiaojie.cases.SampleFiles;
import cn.tiaojie.contracts.cases.v1.CaseServiceGrpc;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AgreementTest {

    @GrpcClient("case")
    CaseServiceGrpc.CaseServiceBlockingStub cases;

    @Test
    void theAgreementIsWrittenFromTheOutcomeWithItsFontEmbedded() throws Exception {
        String id = Flow.toMediation(cases, STAFF, wageDispute());
        LocalDate deadline = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(20);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("""
                {"result":"RESOLVED","agreement":{"terms":"青溪建工有限公司于二十日内一次性支付张三工资 18000 元","amount":18000.50,
                 "performanceDeadline":"%s","judicialConfirmation":true}}""".formatted(deadline))
                .post("/api/cases/{id}/outcome", id).then().statusCode(200);
        String caseNo = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("caseNo");

        var created = given().auth().oauth2(STAFF).post("/api/cases/{id}/documents/agreement", id).then()
                .statusCode(201).body("kind", equalTo("AGREEMENT")).body("contentType", equalTo("application/pdf"))
                .body("fileName", equalTo("调解协议书-" + caseNo + ".pdf")).extract();
        byte[] pdf = given().auth().oauth2(STAFF).get("/api/cases/{id}/documents/{d}/content", id,
                created.path("id")).then().statusCode(200).extract().asByteArray();
        assertEquals(created.path("sha256"), SampleFiles.sha256(pdf));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "agreement.pdf"), pdf); // to look at

        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
            for (String expected : new String[] {"人民调解协议书", "编号：" + caseNo, "申请人：张三（自然人）",
                    "被申请人：青溪建工有限公司（法人或其他组织）", "纠纷主要事实、争议事项：拖欠三个月工资。工地欠薪",
                    "青溪建工有限公司于二十日内一次性支付张三工资18000元", "协议金额：人民币18000.50元",
                    DateTimeFormatter.ofPattern("yyyy年M月d日").format(deadline) + "前履行完毕",
                    "自本协议生效之日起三十日内，共同向有管辖权的人民法院申请司法确认", "调解员（签名）", "（印章）"}) {
                assertTrue(text.contains(expected.replaceAll("\\s+", "")), () -> "the agreement says " + expected
                        + ": " + text);
            }
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                }
            }
        }
        given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then()
                .body("findAll { it.action == 'ADD_DOCUMENT' }.afterDigest", org.hamcrest.Matchers.hasItem(SampleFiles.sha256(pdf)));
    }

    @Test
    void aCaseWithoutAnAgreementHasNone() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/documents/agreement", id).then().statusCode(409)
                .contentType("application/problem+json");
    }
}
