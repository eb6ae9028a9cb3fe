package cn.tiaojie.bench.web;

import cn.tiaojie.bench.KeepAliveHttp;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One person signed in to the workbench by its DEV-ONLY sign-in, on one keep-alive connection: a browser tab that
 * sends its cookies with every request.
 */
final class WorkbenchUser implements AutoCloseable {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final KeepAliveHttp http;
    private final String cookieHeader;

    private WorkbenchUser(KeepAliveHttp http, String cookieHeader) {
        this.http = http;
        this.cookieHeader = cookieHeader;
    }

    /** Signs in as a demo user (staff-qx, supervisor-qx, …): the sign-in form with its CSRF token, then the post. */
    static WorkbenchUser signIn(int port, String demoUser) throws IOException {
        KeepAliveHttp http = new KeepAliveHttp("127.0.0.1", port);
        KeepAliveHttp.Response form = http.get("/sign-in?next=/cases");
        String csrfCookie = cookie(form, "tiaojie-csrf");
        Matcher field = CSRF_FIELD.matcher(form.body());
        if (form.status() != 200 || csrfCookie == null || !field.find()) {
            throw new IllegalStateException("no sign-in form with a CSRF token: HTTP " + form.status());
        }
        String body = "csrf-token=" + URLEncoder.encode(field.group(1), StandardCharsets.UTF_8) + "&user="
                + URLEncoder.encode(demoUser, StandardCharsets.UTF_8) + "&next=/cases";
        KeepAliveHttp.Response signedIn = http.post("/sign-in", "application/x-www-form-urlencoded", body,
                "Cookie: tiaojie-csrf=" + csrfCookie);
        String session = cookie(signedIn, "tiaojie_session");
        if (signedIn.status() != 303 || session == null) {
            throw new IllegalStateException("sign-in as " + demoUser + " failed: HTTP " + signedIn.status());
        }
        return new WorkbenchUser(http, "Cookie: tiaojie-csrf=" + csrfCookie + "; tiaojie_session=" + session);
    }

    /** GETs a path with this user's cookies; any status is returned. */
    KeepAliveHttp.Response get(String path, String... headerLines) throws IOException {
        String[] lines = new String[headerLines.length + 1];
        lines[0] = cookieHeader;
        System.arraycopy(headerLines, 0, lines, 1, headerLines.length);
        return http.get(path, lines);
    }

    /** GETs a page that must answer 200, its body read to the end. */
    KeepAliveHttp.Response page(String path) throws IOException {
        KeepAliveHttp.Response response = get(path);
        if (response.status() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + response.status());
        }
        return response;
    }

    private static String cookie(KeepAliveHttp.Response response, String name) {
        for (String setCookie : response.headers().getOrDefault("set-cookie", List.of())) {
            if (setCookie.startsWith(name + "=")) {
                return setCookie.substring(name.length() + 1, setCookie.indexOf(';') < 0 ? setCookie.length()
                        : setCookie.indexOf(';'));
            }
        }
        return null;
    }

    @Override
    public void close() {
        http.close();
    }
}
