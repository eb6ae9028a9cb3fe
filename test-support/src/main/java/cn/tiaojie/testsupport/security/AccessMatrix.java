package cn.tiaojie.testsupport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.tiaojie.local.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * A table-driven authorization test: one row per REST endpoint, one column per caller, each cell the status that
 * caller must get. Two columns are built in: {@value #ANONYMOUS} (no Authorization header) and {@value #BAD_TOKEN},
 * which sends the row's otherwise-successful caller token with each {@link DevTokens.Defect} (expired, wrong issuer,
 * wrong audience, bad signature, tampered, unsigned).
 *
 * <pre>{@code
 * AccessMatrix.of("""
 *     endpoint                 staff  resident  other-center  anonymous  bad-token
 *     GET  /api/cases/{id}     200    200       404           401        401
 *     """)
 *     .caller("staff", staffToken).caller("resident", residentToken).caller("other-center", otherStaffToken)
 *     .request("GET /api/cases/{id}", column -> ApiCall.call().path("id", newCase()))
 *     .coversOpenApi()
 *     .tests();
 * }</pre>
 * A fixture is called once per cell, so a cell that changes state can get fresh data of its own.
 */
public final class AccessMatrix {

    public static final String ANONYMOUS = "anonymous";
    public static final String BAD_TOKEN = "bad-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private final List<String> columns;
    private final Map<String, Map<String, Integer>> expected = new LinkedHashMap<>();
    private final Map<String, String> callers = new LinkedHashMap<>();
    private final Map<String, Function<String, ApiCall>> fixtures = new LinkedHashMap<>();
    private boolean coversOpenApi;

    private AccessMatrix(List<String> columns) {
        this.columns = columns;
    }

    /** Parses the table: a header {@code endpoint <column>...}, then {@code METHOD /path <status>...}; # comments. */
    public static AccessMatrix of(String table) {
        List<String[]> lines = table.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(line -> line.split("\\s+")).toList();
        if (lines.isEmpty() || !lines.get(0)[0].equals("endpoint")) {
            throw new IllegalArgumentException("the table starts with a header line: endpoint <column> <column> ...");
        }
        List<String> columns = List.of(lines.get(0)).subList(1, lines.get(0).length);
        AccessMatrix matrix = new AccessMatrix(columns);
        for (String[] row : lines.subList(1, lines.size())) {
            if (row.length != columns.size() + 2 || !HTTP_METHODS.contains(row[0])) {
                throw new IllegalArgumentException("row '" + String.join(" ", row) + "' needs a method, a path and "
                        + columns.size() + " statuses");
            }
            String endpoint = row[0] + " " + row[1];
            Map<String, Integer> statuses = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                statuses.put(columns.get(i), Integer.parseInt(row[i + 2]));
            }
            if (matrix.expected.put(endpoint, statuses) != null) {
                throw new IllegalArgumentException(endpoint + " is listed twice");
            }
        }
        return matrix;
    }

    /** The token sent for {@code column} unless a fixture gives its own. */
    public AccessMatrix caller(String column, String token) {
        callers.put(column, token);
        return this;
    }

    /** How to call {@code endpoint} ("METHOD /path" as in the table) for a column; called once per cell. */
    public AccessMatrix request(String endpoint, Function<String, ApiCall> fixture) {
        if (!expected.containsKey(endpoint)) {
            throw new IllegalArgumentException(endpoint + " is not in the table");
        }
        fixtures.put(endpoint, fixture);
        return this;
    }

    /** Also checks that the table lists exactly the operations of the service's OpenAPI document. */
    public AccessMatrix coversOpenApi() {
        this.coversOpenApi = true;
        return this;
    }

    public Stream<DynamicTest> tests() {
        for (String column : columns) {
            if (!column.equals(ANONYMOUS) && !column.equals(BAD_TOKEN) && !callers.containsKey(column)) {
                throw new IllegalStateException("column " + column + " has no caller token");
            }
        }
        List<DynamicTest> tests = new ArrayList<>();
        if (coversOpenApi) {
            tests.add(DynamicTest.dynamicTest("the table lists every operation of /q/openapi", this::assertCoversOpenApi));
        }
        expected.forEach((endpoint, statuses) -> {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            Function<String, ApiCall> fixture = fixtures.getOrDefault(endpoint, column -> ApiCall.call());
            statuses.forEach((column, status) -> {
                if (column.equals(BAD_TOKEN)) {
                    for (DevTokens.Defect defect : DevTokens.Defect.values()) {
                        String name = endpoint + " with a " + defect.name().toLowerCase(Locale.ROOT) + " token → " + status;
                        tests.add(DynamicTest.dynamicTest(name, () -> {
                            ApiCall call = fixture.apply(column);
                            String valid = call.token().orElseGet(() -> succeedingToken(statuses));
                            assertStatus(name, status, call.send(method, path, withDefect(valid, defect)));
                        }));
                    }
                } else {
                    String name = endpoint + " as " + column + " → " + status;
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        ApiCall call = fixture.apply(column);
                        String token = column.equals(ANONYMOUS) ? null : call.token().orElse(callers.get(column));
                        assertStatus(name, status, call.send(method, path, token));
                    }));
                }
            });
        });
        return tests.stream();
    }

    private static void assertStatus(String name, int status, ApiCall.Answer answer) {
        assertEquals(status, answer.status(), () -> name + ", got " + answer.status() + ": " + abbreviate(answer.body()));
    }

    /** The token of the first column that succeeds on the row, so a 401 shows the defect alone is refused. */
    private String succeedingToken(Map<String, Integer> statuses) {
        return statuses.entrySet().stream()
                .filter(e -> e.getValue() < 300 && callers.containsKey(e.getKey()))
                .map(e -> callers.get(e.getKey()))
                .findFirst()
                .orElseGet(() -> callers.values().iterator().next());
    }

    /** The same subject, role and scope claims as {@code token}, with {@code defect}. */
    static String withDefect(String token, DevTokens.Defect defect) {
        try {
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            String role = claims.path("groups").path(0).asText();
            Map<String, String> scope = new LinkedHashMap<>();
            Set<String> standard = Set.of("iss", "aud", "sub", "upn", "groups", "exp", "iat", "nbf", "jti", "auth_time");
            for (Iterator<Map.Entry<String, JsonNode>> it = claims.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> claim = it.next();
                if (!standard.contains(claim.getKey()) && claim.getValue().isValueNode()) {
                    scope.put(claim.getKey(), claim.getValue().asText());
                }
            }
            return DevTokens.defective(defect, role, claims.path("sub").asText(), scope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void assertCoversOpenApi() {
        JsonNode document;
        try {
            document = JSON.readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi").asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> operations = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            String upper = method.toUpperCase(Locale.ROOT);
            if (HTTP_METHODS.contains(upper)) {
                operations.add(upper + " " + path.getKey());
            }
        }));
        Set<String> missing = new TreeSet<>(operations);
        missing.removeAll(expected.keySet());
        Set<String> unknown = new LinkedHashSet<>(expected.keySet());
        unknown.removeAll(operations);
        assertTrue(missing.isEmpty() && unknown.isEmpty(), () -> "endpoints missing from the table: " + missing
                + "; rows that are no endpoint: " + unknown);
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
