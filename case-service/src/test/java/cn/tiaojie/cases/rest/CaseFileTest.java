package cn.tiaojie.cases.rest;

import static cn.tiaojie.cases.Fixtures.COUNTY_SUPERVISOR;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.SampleFiles;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaseFileTest {

    @Test
    void aClosedCaseExportsItsDocumentsWithTheirDigestsTheTimelineAndATableOfContents() throws Exception {
        String id = register(wageDispute());
        byte[] iou = SampleFiles.pdf("欠条");
        byte[] photo = SampleFiles.jpeg();
        upload(id, "EVIDENCE", "欠条.pdf", iou);
        upload(id, "EVIDENCE", "工地照片.jpg", photo);
        String mistaken = upload(id, "OTHER", "误传.pdf", SampleFiles.pdf("误传"));
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"与本案无关\"}")
                .post("/api/cases/{id}/documents/{d}/delete", id, mistaken).then().statusCode(200);
        given().auth().oauth2(STAFF).get("/api/cases/{id}/documents/case-file", id).then().statusCode(409)
                .contentType("application/problem+json");
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"申请人撤回\"}")
                .post("/api/cases/{id}/withdraw", id).then().statusCode(200);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/close", id).then().statusCode(200);
        String caseNo = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("caseNo");

        byte[] zip = given().auth().oauth2(COUNTY_SUPERVISOR).get("/api/cases/{id}/documents/case-file", id).then()
                .statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        assertEquals(java.util.List.of("目录.txt", "材料/01-证据-欠条.pdf", "材料/02-证据-工地照片.jpg", "SHA256SUMS"),
                java.util.List.copyOf(entries.keySet()));
        assertEquals(SampleFiles.sha256(iou) + "  材料/01-证据-欠条.pdf\n" + SampleFiles.sha256(photo)
                + "  材料/02-证据-工地照片.jpg\n", new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8));
        entries.forEach((name, bytes) -> {
            if (name.startsWith("材料/")) {
                String line = new String(entries.get("SHA256SUMS"), StandardCharsets.UTF_8).lines()
                        .filter(l -> l.endsWith(name)).findFirst().orElseThrow();
                assertEquals(line.substring(0, 64), SampleFiles.sha256(bytes), name + " matches its digest");
            }
        });
        String contents = new String(entries.get("目录.txt"), StandardCharsets.UTF_8);
        for (String expected : new String[] {"案件编号：" + caseNo, "目录", "一、办理经过", "RECEIVED", "WITHDRAWN", "CLOSED",
                "DOCUMENT_ADDED", "1. 证据　欠条.pdf", SampleFiles.sha256(iou), "已删除的材料", "误传.pdf",
                "原因：与本案无关"}) {
            assertTrue(contents.contains(expected), () -> "the table of contents has " + expected + ":\n" + contents);
        }
    }

    private static String upload(String caseId, String kind, String fileName, byte[] body) {
        return given().auth().oauth2(STAFF).contentType("application/octet-stream").queryParam("kind", kind)
                .queryParam("fileName", fileName).body(body).post("/api/cases/{id}/documents", caseId).then()
                .statusCode(201).extract().path("id");
    }
}
