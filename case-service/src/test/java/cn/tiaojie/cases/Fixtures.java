package cn.tiaojie.cases;

import static io.restassured.RestAssured.given;

import cn.tiaojie.local.DevTokens;
import io.restassured.http.ContentType;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Tokens and request bodies the tests of this module share. */
public final class Fixtures {

    public static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    public static final String OTHER_STAFF = DevTokens.forRole("staff").subject("staff-bx-1").claim("center", "QX-BAIXI").sign();
    public static final String COUNTY_SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-qx").claim("area", "330999").sign();
    public static final String OTHER_SUPERVISOR = DevTokens.forRole("supervisor").subject("sup-sm").claim("area", "330999103").sign();
    public static final String ADMIN = DevTokens.forRole("admin").subject("admin-1").sign();

    private static final AtomicInteger SEQUENCE = new AtomicInteger(ThreadLocalRandom.current().nextInt(1000));
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private Fixtures() {
    }

    /** A wage-arrears dispute between a fresh applicant and a company, so it is never a duplicate. */
    public static String wageDispute() {
        return wageDispute(mobile(), idNumber());
    }

    public static String wageDispute(String applicantPhone, String applicantId) {
        return """
                {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"330999102003",
                 "summary":"拖欠三个月工资","description":"工地欠薪","amountInDispute":18600.00,"riskFlags":[],
                 "parties":[
                   {"role":"APPLICANT","kind":"PERSON","name":"张三","phone":"%s","idNumber":"%s","preferredChannels":["SMS"]},
                   {"role":"RESPONDENT","kind":"ORGANIZATION","name":"青溪建工有限公司","phone":"0571-88886666"}]}
                """.formatted(applicantPhone, applicantId);
    }

    /** A mobile number no other test uses. */
    public static String mobile() {
        return "139%08d".formatted(SEQUENCE.incrementAndGet() * 7919 % 100_000_000);
    }

    /** A valid resident ID number (born 1990) no other test uses. */
    public static String idNumber() {
        return idNumber("330999", "19900101", SEQUENCE.incrementAndGet() % 1000);
    }

    public static String idNumber(String area, String birthDate, int sequence) {
        String body = area + birthDate + "%03d".formatted(sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Registers a dispute as staff of QX-COUNTY and returns its id. */
    public static String register(String body) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .post("/api/cases").then().statusCode(201).extract().path("id");
    }

    /** Registers a fresh wage dispute and files it; returns its id. */
    public static String fileNewCase() {
        String id = register(wageDispute());
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        return id;
    }
}
