package cn.tiaojie.testsupport.security;

import static io.restassured.config.EncoderConfig.encoderConfig;

import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What one request to an endpoint carries besides its method and path template: path parameters, query, headers,
 * a body and, when the caller's token is not the column's default, the token to send.
 */
public final class ApiCall {

    private static final RestAssuredConfig RAW_BODIES = RestAssured.config()
            .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)
                    // send form and multipart bodies as the bytes given, malformed ones included
                    .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)
                    .encodeContentTypeAs("multipart/form-data", ContentType.BINARY));

    private final Map<String, Object> pathParams = new LinkedHashMap<>();
    private final Map<String, Object> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private byte[] body;
    private String contentType;
    private String token;

    public static ApiCall call() {
        return new ApiCall();
    }

    public ApiCall path(String name, Object value) {
        pathParams.put(name, value);
        return this;
    }

    public ApiCall query(String name, Object value) {
        query.put(name, value);
        return this;
    }

    public ApiCall header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ApiCall json(String json) {
        return body("application/json", json);
    }

    public ApiCall body(String contentType, String text) {
        return body(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    public ApiCall body(String contentType, byte[] bytes) {
        this.contentType = contentType;
        this.body = bytes;
        return this;
    }

    /** Send with this token instead of the caller's default (for example a resident token for this very case). */
    public ApiCall as(String token) {
        this.token = token;
        return this;
    }

    Optional<String> token() {
        return Optional.ofNullable(token);
    }

    Map<String, Object> pathParams() {
        return pathParams;
    }

    Optional<byte[]> body() {
        return Optional.ofNullable(body);
    }

    Optional<String> contentType() {
        return Optional.ofNullable(contentType);
    }

    ApiCall copy() {
        ApiCall copy = new ApiCall();
        copy.pathParams.putAll(pathParams);
        copy.query.putAll(query);
        copy.headers.putAll(headers);
        copy.body = body;
        copy.contentType = contentType;
        copy.token = token;
        return copy;
    }

    /** Sends the call; {@code bearer} null sends no Authorization header. */
    Response send(String method, String pathTemplate, String bearer) {
        RequestSpecification request = RestAssured.given().config(RAW_BODIES).redirects().follow(false)
                .urlEncodingEnabled(false);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        headers.forEach(request::header);
        query.forEach((name, value) -> request.queryParam(encoded(name), encoded(String.valueOf(value))));
        if (body != null) {
            if (contentType != null) {
                request.contentType(contentType);
            }
            request.body(body);
        }
        return request.request(method, expanded(pathTemplate));
    }

    /** The path with its parameters percent-encoded here, so braces or slashes in a value stay part of it. */
    private String expanded(String pathTemplate) {
        String path = pathTemplate;
        for (Map.Entry<String, Object> param : pathParams.entrySet()) {
            path = path.replace("{" + param.getKey() + "}", encoded(String.valueOf(param.getValue())));
        }
        if (path.matches(".*\\{[^/]+}.*")) {
            throw new IllegalStateException(pathTemplate + " has a parameter without a value: " + path);
        }
        return path;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
