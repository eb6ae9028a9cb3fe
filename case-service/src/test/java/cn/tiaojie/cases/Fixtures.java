package cn.tiaojie.cases;

import static io.restassured.RestAssured.given;

import cn.tiaojie.testsupport.DevTokens;
import io.restassured.http.ContentType;

/** Tokens and request bodies the tests of this module share. */
public final class Fixtures {

    public static final String STAFF = DevTokens.forRole("staff").subject("staff-qx-1").claim("center", "QX-COUNTY").sign();
    public static final String OTHER_STAFF = DevTokens.forRole("staff").subject("staff-bx-1").claim("center", "QX-BAIXI").sign();

    public static final String WAGE_DISPUTE = """
            {"channel":"WALK_IN","subcategory":"LABOUR.WAGE_ARREARS","areaCode":"330999102003",
             "summary":"拖欠三个月工资","description":"工地欠薪","amountInDispute":18600.00,"riskFlags":[],
             "parties":[
               {"role":"APPLICANT","kind":"PERSON","name":"张三","phone":"13812345678","idNumber":"330999199001011234","preferredChannels":["SMS"]},
               {"role":"RESPONDENT","kind":"ORGANIZATION","name":"青溪建工有限公司","phone":"0571-88886666"}]}
            """;

    private Fixtures() {
    }

    /** Registers a dispute as staff of QX-COUNTY and returns its id. */
    public static String register(String body) {
        return given().auth().oauth2(STAFF).contentType(ContentType.JSON).body(body)
                .post("/api/cases").then().statusCode(201).extract().path("id");
    }

    /** Registers the wage dispute and files it; returns its id. */
    public static String fileNewCase() {
        String id = register(WAGE_DISPUTE);
        given().auth().oauth2(STAFF).post("/api/cases/{id}/file", id).then().statusCode(200);
        return id;
    }
}
