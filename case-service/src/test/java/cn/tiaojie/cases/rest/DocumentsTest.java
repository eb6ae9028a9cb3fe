package cn.tiaojie.cases.rest;

import static cn.tiaojie.cases.Fixtures.ADMIN;
import static cn.tiaojie.cases.Fixtures.OTHER_STAFF;
import static cn.tiaojie.cases.Fixtures.STAFF;
import static cn.tiaojie.cases.Fixtures.register;
import static cn.tiaojie.cases.Fixtures.wageDispute;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.cases.SampleFiles;
import cn.tiaojie.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DocumentsTest {

    private static final long MB = 1024 * 1024;

    @Inject
    DataSource db;

    @Test
    void aDocumentIsStoredWithTheTypeOfItsBytesAndItsDigestEntersTheAuditChain() {
        String id = register(wageDispute());
        byte[] pdf = SampleFiles.pdf("欠条");
        String partyId = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract().path("parties[0].id");
        String documentId = upload(id, "EVIDENCE", "欠条.pdf", "text/plain", pdf, partyId).then().statusCode(201)
                .body("kind", equalTo("EVIDENCE"))
                .body("fileName", equalTo("欠条.pdf"))
                .body("contentType", equalTo("application/pdf"))
                .body("size", equalTo(pdf.length))
                .body("sha256", equalTo(SampleFiles.sha256(pdf)))
                .body("partyId", equalTo(partyId))
                .body("uploadedBy", equalTo("staff-qx-1"))
                .body("uploadedRole", equalTo("staff"))
                .body("uploadedAt", notNullValue())
                .extract().path("id");

        given().auth().oauth2(STAFF).get("/api/cases/{id}/documents", id).then().statusCode(200)
                .body("", hasSize(1)).body("[0].id", equalTo(documentId));
        Response download = given().auth().oauth2(STAFF).get("/api/cases/{id}/documents/{d}/content", id, documentId);
        download.then().statusCode(200).contentType("application/pdf")
                .header("ETag", "\"" + SampleFiles.sha256(pdf) + "\"")
                .header("Content-Disposition", "attachment; filename*=UTF-8''%E6%AC%A0%E6%9D%A1.pdf");
        assertArrayEquals(pdf, download.asByteArray());
        assertTrue(bytesKept(storageKeyOf(documentId)));

        List<Map<String, Object>> audit = given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then()
                .statusCode(200).extract().jsonPath().getList("");
        Map<String, Object> added = audit.getLast();
        assertEquals("ADD_DOCUMENT", added.get("action"));
        assertEquals(SampleFiles.sha256(pdf), added.get("afterDigest"));
        given().auth().oauth2(ADMIN).get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
        given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then()
                .body("timeline.type", org.hamcrest.Matchers.hasItem("DOCUMENT_ADDED"));
    }

    @Test
    void everyAcceptedFormatIsKnownByItsBytes() {
        String id = register(wageDispute());
        Map<String, Object[]> cases = Map.of(
                "照片.jpg", new Object[] {SampleFiles.jpeg(), "image/jpeg"},
                "截图.png", new Object[] {SampleFiles.png(), "image/png"},
                "IMG_0001.HEIC", new Object[] {SampleFiles.heic(), "image/heic"},
                "劳动合同.docx", new Object[] {SampleFiles.docx(),
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
                "工资表.xls", new Object[] {SampleFiles.ole(), "application/vnd.ms-excel"});
        cases.forEach((name, sample) -> upload(id, "EVIDENCE", name, "application/octet-stream", (byte[]) sample[0], null)
                .then().statusCode(201).body("contentType", equalTo(sample[1])));
    }

    @Test
    void whatIsNotADocumentIsRefusedWhateverItIsCalled() {
        String id = register(wageDispute());
        long objects = storedObjects();
        for (byte[] refused : List.of(SampleFiles.executable(), SampleFiles.zip(),
                "这不是 PDF，只是文字".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            upload(id, "EVIDENCE", "合同.pdf", "application/pdf", refused, null).then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("title", equalTo("不支持的文件类型"))
                    .body("detail", containsString("请上传 PDF、JPEG、PNG、HEIC/HEIF 图片或 Office 文档"));
        }
        upload(id, "EVIDENCE", "空.pdf", "application/pdf", new byte[0], null).then().statusCode(415);
        upload(id, "RECEIPT", "a.pdf", "application/pdf", SampleFiles.pdf("x"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        upload(id, "EVIDENCE", " ", "application/pdf", SampleFiles.pdf("x"), null).then().statusCode(400)
                .body("errors[0].field", equalTo("fileName"));
        upload(id, "EVIDENCE", "a.pdf", "application/pdf", SampleFiles.pdf("x"), UUID.randomUUID().toString())
                .then().statusCode(400).body("errors[0].field", equalTo("partyId"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}/documents", id).then().body("", hasSize(0));
        assertEquals(objects, storedObjects(), "a refused upload leaves nothing in the store");
    }

    @Test
    void aTwentyMegabyteFileStreamsInAndOutAndOneByteMoreIsRefused() throws Exception {
        String id = register(wageDispute());
        Path file = SampleFiles.pdfOfSize(20 * MB);
        String documentId = given().auth().oauth2(STAFF).contentType("application/pdf")
                .queryParam("kind", "EVIDENCE").queryParam("fileName", "病历.pdf").body(file.toFile())
                .post("/api/cases/{id}/documents", id).then().statusCode(201)
                .body("size", equalTo((int) (20 * MB))).body("sha256", equalTo(SampleFiles.sha256(file)))
                .extract().path("id");
        try (InputStream in = given().auth().oauth2(STAFF)
                .get("/api/cases/{id}/documents/{d}/content", id, documentId).then().statusCode(200)
                .header("Content-Length", String.valueOf(20 * MB)).extract().asInputStream()) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long read = 0;
            byte[] block = new byte[64 * 1024];
            for (int n; (n = in.read(block)) > 0; read += n) {
                digest.update(block, 0, n);
            }
            assertEquals(20 * MB, read);
            assertEquals(SampleFiles.sha256(file), HexFormat.of().formatHex(digest.digest()));
        }
        assertTrue(bytesKept(storageKeyOf(documentId)));

        long objects = storedObjects();
        given().auth().oauth2(STAFF).contentType("application/pdf")
                .queryParam("kind", "EVIDENCE").queryParam("fileName", "过大.pdf")
                .body(SampleFiles.pdfOfSize(20 * MB + 1).toFile())
                .post("/api/cases/{id}/documents", id).then().statusCode(413)
                .contentType("application/problem+json").body("title", equalTo("文件过大"))
                .body("detail", equalTo("单个文件不能超过 20 MB。"));
        assertEquals(objects, storedObjects());
        given().auth().oauth2(STAFF).get("/api/cases/{id}/documents", id).then().body("", hasSize(1));
    }

    @Test
    void aCaseHoldsTwoHundredMegabytesAtMost() throws Exception {
        String id = register(wageDispute());
        // the case already holds 195 MB (one row standing for what earlier uploads stored)
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                insert into case_document (id, case_id, kind, file_name, content_type, size_bytes, sha256, uploaded_by,
                    uploaded_role, uploaded_at, store, storage_key)
                values (?, ?, 'EVIDENCE', '监控录像截图.pdf', 'application/pdf', ?, repeat('0', 64), 'staff-qx-1', 'staff',
                    now(), 'POSTGRES', '0')""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(id));
            insert.setLong(3, 195 * MB);
            insert.executeUpdate();
        }
        given().auth().oauth2(STAFF).contentType("application/pdf").queryParam("kind", "EVIDENCE")
                .queryParam("fileName", "六兆.pdf").body(SampleFiles.pdfOfSize(6 * MB).toFile())
                .post("/api/cases/{id}/documents", id).then().statusCode(413)
                .body("title", equalTo("案件材料已满"))
                .body("detail", equalTo("本案件的材料合计不能超过 200 MB，还可上传 5 MB。"));
        given().auth().oauth2(STAFF).contentType("application/pdf").queryParam("kind", "EVIDENCE")
                .queryParam("fileName", "四兆.pdf").body(SampleFiles.pdfOfSize(4 * MB).toFile())
                .post("/api/cases/{id}/documents", id).then().statusCode(201);
    }

    @Test
    void staffDeleteWithAReasonThatIsAuditedAndTheBytesAreKept() throws Exception {
        String id = register(wageDispute());
        byte[] pdf = SampleFiles.pdf("误传");
        String documentId = upload(id, "OTHER", "误传.pdf", "application/pdf", pdf, null).then().statusCode(201)
                .extract().path("id");
        String documentPath = "/api/cases/{id}/documents/{d}/delete";
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"\"}")
                .post(documentPath, id, documentId).then().statusCode(400);
        given().auth().oauth2(OTHER_STAFF).contentType(ContentType.JSON).body("{\"reason\":\"误传\"}")
                .post(documentPath, id, documentId).then().statusCode(404);
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"上传错了案件\"}")
                .post(documentPath, id, documentId).then().statusCode(200)
                .body("deletedBy", equalTo("staff-qx-1")).body("deletionReason", equalTo("上传错了案件"))
                .body("deletedAt", notNullValue()).body("retainUntil", notNullValue());
        given().auth().oauth2(STAFF).contentType(ContentType.JSON).body("{\"reason\":\"再删一次\"}")
                .post(documentPath, id, documentId).then().statusCode(409);

        given().auth().oauth2(STAFF).get("/api/cases/{id}/documents/{d}/content", id, documentId).then()
                .statusCode(410).body("detail", containsString("上传错了案件"));
        given().auth().oauth2(STAFF).get("/api/cases/{id}/documents", id).then()
                .body("[0].deletionReason", equalTo("上传错了案件"));
        String resident = residentOf(id);
        given().auth().oauth2(resident).get("/api/cases/{id}/documents", id).then().statusCode(200).body("", hasSize(0));

        List<Map<String, Object>> audit = given().auth().oauth2(STAFF).get("/api/cases/{id}/audit", id).then()
                .extract().jsonPath().getList("");
        assertEquals("DELETE_DOCUMENT", audit.getLast().get("action"));
        assertEquals(SampleFiles.sha256(pdf), audit.getLast().get("beforeDigest"));
        assertTrue(bytesKept(storageKeyOf(documentId)), "the deleted document's bytes are kept");
    }

    @Test
    void aResidentSeesTheirOwnPartysDocumentsAndTheAgreement() {
        String id = register(wageDispute());
        Map<String, Object> parties = given().auth().oauth2(STAFF).get("/api/cases/{id}", id).then().extract()
                .jsonPath().getMap("");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) parties.get("parties");
        String applicant = (String) list.get(0).get("id");
        String respondent = (String) list.get(1).get("id");
        upload(id, "ID_COPY", "身份证.jpg", "image/jpeg", SampleFiles.jpeg(), applicant).then().statusCode(201);
        upload(id, "EVIDENCE", "公司账目.pdf", "application/pdf", SampleFiles.pdf("账目"), respondent).then().statusCode(201);
        upload(id, "AGREEMENT", "调解协议书.pdf", "application/pdf", SampleFiles.pdf("协议"), null).then().statusCode(201);
        given().auth().oauth2(residentOf(id)).get("/api/cases/{id}/documents", id).then().statusCode(200)
                .body("fileName", org.hamcrest.Matchers.contains("身份证.jpg", "调解协议书.pdf"));
    }

    private static String residentOf(String caseId) {
        String partyId = given().auth().oauth2(STAFF).get("/api/cases/{id}", caseId).then().extract().path("parties[0].id");
        return DevTokens.forRole("resident").subject("r-" + partyId).claim("caseId", caseId).claim("partyId", partyId)
                .sign();
    }

    private static Response upload(String caseId, String kind, String fileName, String contentType, byte[] body,
            String partyId) {
        var request = given().auth().oauth2(STAFF).contentType(contentType).queryParam("kind", kind)
                .queryParam("fileName", fileName).body(body);
        if (partyId != null) {
            request.queryParam("partyId", partyId);
        }
        return request.post("/api/cases/{id}/documents", caseId);
    }

    /** What the store under test holds: here, the case database's large objects. */
    long storedObjects() {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from pg_largeobject_metadata"); ResultSet r = q.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the store under test still holds the bytes under the key. */
    boolean bytesKept(String storageKey) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from pg_largeobject_metadata where oid = ?::oid")) {
            q.setString(1, storageKey);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1) == 1;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The store a document names and its key there. */
    String[] storeAndKeyOf(String documentId) {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select store, storage_key from case_document where id = ?")) {
            q.setObject(1, UUID.fromString(documentId));
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                return new String[] {r.getString(1), r.getString(2)};
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name the store under test records. */
    String storeName() {
        return "POSTGRES";
    }

    private String storageKeyOf(String documentId) {
        String[] storeAndKey = storeAndKeyOf(documentId);
        assertEquals(storeName(), storeAndKey[0]);
        return storeAndKey[1];
    }
}
