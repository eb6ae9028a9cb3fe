package cn.tiaojie.testsupport.security;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one request to an endpoint carries besides its method and path template: path parameters, query, headers,
 * a body and, when the caller's token is not the column's default, the token to send.
 */
public final class ApiCall {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

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

    /** A response: its status and body. */
    record Answer(int status, String body) {
    }

    /**
     * Sends the call to the application under test (where RestAssured points, as the Quarkus test sets it); {@code
     * bearer} null sends no Authorization header. A plain HTTP client, so hostile bytes and paths go out unchanged.
     */
    Answer send(String method, String pathTemplate, String bearer) {
        StringBuilder uri = new StringBuilder(RestAssured.baseURI).append(':').append(RestAssured.port)
                .append(RestAssured.basePath.equals("/") ? "" : RestAssured.basePath).append(expanded(pathTemplate));
        if (!query.isEmpty()) {
            uri.append('?').append(query.entrySet().stream()
                    .map(q -> encoded(q.getKey()) + "=" + encoded(String.valueOf(q.getValue())))
                    .collect(Collectors.joining("&")));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        HttpRequest built = request.build();
        try {
            try {
                return answer(HTTP.send(built, HttpResponse.BodyHandlers.ofString()));
            } catch (IOException closed) {
                // the server closes a connection after refusing an oversized request: the next one goes on a new one
                return answer(HTTP.send(built, HttpResponse.BodyHandlers.ofString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathTemplate + " got no response", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Answer answer(HttpResponse<String> response) {
        return new Answer(response.statusCode(), response.body());
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
