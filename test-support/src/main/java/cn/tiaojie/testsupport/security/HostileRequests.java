package cn.tiaojie.testsupport.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Malformed and hostile variants of one valid request, every one of which the endpoint must refuse with a 4xx and
 * without writing anything: wrong types, over-long and NUL-bearing strings, lone surrogates, injection strings in
 * coded fields and path parameters, negative and absurd numbers, huge arrays, deep nesting, unknown fields,
 * truncated JSON, invalid UTF-8, oversized bodies and wrong content types.
 *
 * <pre>{@code
 * int sent = HostileRequests.to("POST /api/cases/{id}/reject")
 *         .as(staffToken)
 *         .call(ApiCall.call().path("id", caseId).header("If-Match", etag).json("{\"reason\":\"duplicate\"}"))
 *         .freeText("reason")
 *         .unchanged(() -> DatabaseFingerprint.of(dataSource))
 *         .run();
 * }</pre>
 * Free-text fields (names, summaries, reasons) legitimately hold quotes and markup, so they get only what no text
 * may hold; every other string is a code, number, date, phone or ID in disguise and gets the whole catalogue.
 */
public final class HostileRequests {

    /** Strings that no coded field (enum, code, date, phone, ID, UUID, e-mail) may accept, nor any path parameter. */
    public static final List<String> CATALOGUE = List.of(
            "' OR '1'='1", "' OR 1=1 --", "'; DROP TABLE cases; --", "1; DELETE FROM outbox", "\" OR \"\"=\"",
            "admin'--", "1' UNION SELECT usename, passwd FROM pg_shadow --", "'); INSERT INTO audit VALUES (1); --",
            "$$; SELECT pg_sleep(10); $$", "1 AND (SELECT 1 FROM pg_sleep(5))", "%' AND 1=1 AND '%'='", "\\'; --",
            "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "javascript:alert(1)", "<svg/onload=alert(1)>",
            "'\"--></style></script><script>alert(1)</script>", "<iframe src=//127.0.0.1>",
            "${jndi:ldap://127.0.0.1:1389/a}", "{{7*7}}", "#{7*7}", "<%= 7*7 %>", "${7*7}",
            "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "file:///etc/passwd",
            "; cat /etc/passwd", "$(id)", "`id`", "| nc 127.0.0.1 4444",
            "%s%s%s%n", "%x%x%x%x",
            "\u202Egnp.exe", "\u200B", "ＡＢＣ１２３", "e\u0301\u0301\u0301", "\uFEFF", "😀".repeat(1000),
            "\u0000", "line\r\nX-Injected: 1", "\u0007\u001b[31m",
            "", "   ", "NO_SUCH_CODE", "unknown", "-1", "0", "9".repeat(40), "x".repeat(100_000),
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "....//....//etc/passwd", "..;/", "%252e%252e%252f",
            "null", "undefined", "None", "NaN", "Infinity", "-Infinity",
            "9223372036854775808", "1e309", "0x7fffffff", "-0",
            "{}", "[]", "{\"$ne\":null}", "*)(uid=*))(|(uid=*",
            "00000000-0000-0000-0000-00000000000g", "{00000000-0000-0000-0000-000000000000}",
            "1' AND SLEEP(5)--", "' UNION SELECT NULL--", "1)) OR ((1=1", "' OR ''='",
            "<body onload=alert(1)>", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "&lt;script&gt;",
            "%0d%0aSet-Cookie:%20x=1", "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
            "http://127.0.0.1:22/", "${env:HOME}", "\uFFFF\uFFFE", "𝕏𝕐", "İ", "\t", "a".repeat(256), "a".repeat(4096));

    /** What no text at all may hold. */
    private static final List<String> NEVER_TEXT = List.of("text\u0000with NUL", "x".repeat(100_000),
            "调".repeat(70_000), "bell\u0007escape\u001b[2J");
    private static final String LONE_SURROGATE_JSON = "\"lone \\ud800 surrogate\"";
    private static final List<String> WRONG_FOR_STRING = List.of("{\"$gt\":\"\"}", "[\"x\"]", "12345", "true");
    private static final List<String> WRONG_FOR_NUMBER = List.of("-1", "-0.01", "1e400", "1e15", "\"12\"", "\"abc\"",
            "{\"$gt\":0}", "[1]", "true", "NaN");
    private static final List<String> WRONG_FOR_BOOLEAN = List.of("\"maybe\"", "\"true\"", "2", "{}", "[true]");
    private static final List<String> WRONG_FOR_OBJECT = List.of("\"x\"", "[]", "7", "true");
    private static final List<String> WRONG_FOR_ARRAY = List.of("\"x\"", "{}", "7", "true", "[null]", "[[]]");
    private static final List<byte[]> INVALID_UTF8 = List.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3, 0x28},
            new byte[] {(byte) 0xA0, (byte) 0xA1}, new byte[] {(byte) 0xE2, 0x28, (byte) 0xA1},
            new byte[] {(byte) 0xF0, 0x28, (byte) 0x8C, 0x28}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0xA1, (byte) 0xA1, (byte) 0xA1});
    private static final String MARKER = "\u0001hostile\u0001";
    private static final String ESCAPED_MARKER = "\\u0001hostile\\u0001";
    private static final String MARKER_JSON = "\"" + ESCAPED_MARKER + "\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String method;
    private final String path;
    private String token;
    private ApiCall valid = ApiCall.call();
    private Set<String> freeText = Set.of();
    private Supplier<?> state = () -> "";

    private HostileRequests(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** {@code endpoint} as "METHOD /path/{param}". */
    public static HostileRequests to(String endpoint) {
        String[] parts = endpoint.trim().split("\\s+", 2);
        return new HostileRequests(parts[0], parts[1]);
    }

    public HostileRequests as(String token) {
        this.token = token;
        return this;
    }

    /** The valid request the variants are made from: its path parameters, headers and JSON body. */
    public HostileRequests call(ApiCall valid) {
        this.valid = valid;
        return this;
    }

    /** Fields that hold free text, as dotted paths with [] for array elements: "summary", "parties[].name". */
    public HostileRequests freeText(String... fields) {
        this.freeText = Set.of(fields);
        return this;
    }

    /** What must be the same after the batch as before it, typically {@code DatabaseFingerprint.of(dataSource)}. */
    public HostileRequests unchanged(Supplier<?> state) {
        this.state = state;
        return this;
    }

    /** A named variant; one over the server's size limits may also be refused by a closed connection. */
    public record Hostile(String name, ApiCall call, boolean overLimit) {

        Hostile(String name, ApiCall call) {
            this(name, call, call.body().map(body -> body.length > BODY_LIMIT).orElse(false));
        }
    }

    /** Every service takes bodies up to 1 MB ({@code quarkus.http.limits.max-body-size}). */
    private static final int BODY_LIMIT = 1 << 20;

    public List<Hostile> requests() {
        List<Hostile> variants = new ArrayList<>();
        valid.pathParams().keySet().forEach(param -> CATALOGUE.forEach(value -> {
            // a URL holds a few thousand characters at most: the longest values are cut to just over that limit
            String inPath = value.length() > 5_000 ? value.substring(0, 5_000) : value;
            variants.add(new Hostile("path " + param + "=" + shown(inPath), valid.copy().path(param, inPath),
                    inPath.length() >= 5_000));
        }));
        // a form or other non-JSON body is kept as it is: its variants are the path's
        if (valid.contentType().filter(type -> type.startsWith("application/json")).isPresent()) {
            valid.body().ifPresent(body -> bodyVariants(body, variants));
        }
        return variants;
    }

    /** Sends every variant and asserts each was refused with a 4xx and that nothing changed; returns how many. */
    public int run() {
        List<Hostile> variants = requests();
        Object before = state.get();
        List<String> failures = new ArrayList<>();
        for (Hostile hostile : variants) {
            int status;
            String body;
            try {
                ApiCall.Answer answer = hostile.call().send(method, path, hostile.call().token().orElse(token));
                status = answer.status();
                body = answer.body();
            } catch (UncheckedIOException e) {
                if (hostile.overLimit()) {
                    continue; // refused by closing the connection: nothing was read
                }
                throw e;
            }
            if (status < 400 || status > 499) {
                failures.add(hostile.name() + " → " + status + " " + (body.length() > 200 ? body.substring(0, 200) : body));
            }
        }
        if (!failures.isEmpty()) {
            fail(method + " " + path + ": " + failures.size() + " of " + variants.size()
                    + " hostile requests were not refused with a 4xx:\n  " + String.join("\n  ", failures));
        }
        assertEquals(before, state.get(), method + " " + path + ": refused requests changed the database");
        return variants.size();
    }

    private void bodyVariants(byte[] body, List<Hostile> variants) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the valid body is not JSON", e);
        }
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        collect(root, "", nodes);
        nodes.forEach((field, node) -> {
            if (field.isEmpty()) {
                return;
            }
            String generic = field.replaceAll("\\[\\d+]", "[]");
            List<String> raws = new ArrayList<>();
            if (node.isTextual()) {
                raws.addAll(WRONG_FOR_STRING);
                raws.add(LONE_SURROGATE_JSON);
                List<String> strings = freeText.contains(generic) ? NEVER_TEXT : CATALOGUE;
                strings.forEach(s -> raws.add(TextNode.valueOf(s).toString()));
            } else if (node.isNumber()) {
                raws.addAll(WRONG_FOR_NUMBER);
            } else if (node.isBoolean()) {
                raws.addAll(WRONG_FOR_BOOLEAN);
            } else if (node.isArray()) {
                raws.addAll(WRONG_FOR_ARRAY);
                JsonNode element = node.isEmpty() ? TextNode.valueOf("x") : node.get(0);
                raws.add("[" + String.join(",", Collections.nCopies(10_001, element.toString())) + "]");
            } else if (node.isObject()) {
                raws.addAll(WRONG_FOR_OBJECT);
            }
            for (String raw : raws) {
                variants.add(new Hostile(field + "=" + shown(raw), withBody(replaced(root, field, raw))));
            }
            if (node.isTextual()) {
                for (byte[] invalid : INVALID_UTF8) {
                    byte[] mangled = replaced(root, field, "\"a" + ESCAPED_MARKER + "b\"");
                    variants.add(new Hostile(field + " with invalid UTF-8 " + HexFormat.of().formatHex(invalid),
                            withBody(splice(mangled, invalid))));
                }
            }
        });
        String text = new String(body, StandardCharsets.UTF_8);
        if (root.isObject()) {
            ObjectNode extra = root.deepCopy();
            extra.put("id", "00000000-0000-0000-0000-000000000001").put("status", "CLOSED").put("version", 99)
                    .put("createdBy", "admin");
            variants.add(new Hostile("unknown fields (mass assignment)", withBody(utf8(extra.toString()))));
            ObjectNode nested = root.deepCopy();
            nested.set("__proto__", JSON.createObjectNode().put("admin", true));
            variants.add(new Hostile("unknown nested field", withBody(utf8(nested.toString()))));
        }
        for (String whole : List.of("", "null", "[]", "\"x\"", "123", "true", "{", "}", "{\"a\":}", "{'single':'quotes'}",
                "{\"a\":1,}", text + text, text + "garbage")) {
            variants.add(new Hostile("body " + shown(whole), withBody(utf8(whole))));
        }
        variants.add(new Hostile("nested 10,000 deep", withBody(utf8("[".repeat(10_000) + "]".repeat(10_000)))));
        variants.add(new Hostile("nested 5,000 deep objects",
                withBody(utf8("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)))));
        int step = Math.max(1, text.length() / 60);
        for (int cut = 1; cut < text.length(); cut += step) {
            variants.add(new Hostile("truncated at " + cut, withBody(utf8(text.substring(0, cut)))));
        }
        variants.add(new Hostile("oversized body (3 MB)", withBody(utf8(
                root.isObject() ? ((ObjectNode) root.deepCopy()).put("padding", "x".repeat(3 << 20)).toString()
                        : "[\"" + "x".repeat(3 << 20) + "\"]"))));
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            variants.add(new Hostile("content type " + type, valid.copy().body(type, body)));
        }
    }

    private ApiCall withBody(byte[] json) {
        return valid.copy().body("application/json", json);
    }

    /** The body with {@code field} replaced by the raw JSON text {@code raw}. */
    private static byte[] replaced(JsonNode root, String field, String raw) {
        JsonNode copy = root.deepCopy();
        setAt(copy, field, TextNode.valueOf(MARKER));
        try {
            return utf8(JSON.writeValueAsString(copy).replace(MARKER_JSON, raw));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Puts raw bytes where the escaped marker stands inside a string. */
    private static byte[] splice(byte[] json, byte[] raw) {
        String text = new String(json, StandardCharsets.UTF_8);
        int at = text.indexOf(ESCAPED_MARKER);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(text.substring(0, at)));
        out.writeBytes(raw);
        out.writeBytes(utf8(text.substring(at + ESCAPED_MARKER.length())));
        return out.toByteArray();
    }

    private static void collect(JsonNode node, String path, Map<String, JsonNode> into) {
        into.put(path, node);
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", into);
            }
        }
    }

    private static void setAt(JsonNode root, String path, JsonNode value) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            steps.add(bracket < 0 ? part : part.substring(0, bracket));
            if (bracket >= 0) {
                for (String index : part.substring(bracket + 1, part.length() - 1).split("]\\[")) {
                    steps.add(Integer.parseInt(index));
                }
            }
        }
        steps.removeIf(step -> step instanceof String s && s.isEmpty());
        ContainerNode<?> parent = (ContainerNode<?>) root;
        for (int i = 0; i < steps.size() - 1; i++) {
            Object step = steps.get(i);
            parent = (ContainerNode<?>) (step instanceof Integer index ? parent.get(index) : parent.get((String) step));
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    private static String shown(String value) {
        String escaped = value.replace("\u0000", "\\0").replace("\r", "\\r").replace("\n", "\\n");
        return escaped.length() <= 40 ? escaped : escaped.substring(0, 40) + "…(" + value.length() + ")";
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
