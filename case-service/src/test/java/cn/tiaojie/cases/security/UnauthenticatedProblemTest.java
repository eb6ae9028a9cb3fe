package cn.tiaojie.cases.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import cn.tiaojie.local.DevTokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A request refused for want of a valid token gets a problem+json body like every other error, and the challenge. */
@QuarkusTest
class UnauthenticatedProblemTest {

    @Test
    void noTokenIsA401Problem() {
        given().when().get("/api/cases")
                .then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .contentType("application/problem+json")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"))
                .body("instance", equalTo("/api/cases"));
    }

    @Test
    void aDefectiveTokenIsA401ProblemToo() {
        for (DevTokens.Defect defect : DevTokens.Defect.values()) {
            given().auth().oauth2(DevTokens.defective(defect, "staff", "s1", Map.of("center", "QX-COUNTY")))
                    .when().get("/api/cases")
                    .then().statusCode(401)
                    .header("WWW-Authenticate", startsWith("Bearer"))
                    .contentType("application/problem+json")
                    .body("status", equalTo(401));
        }
    }
}
