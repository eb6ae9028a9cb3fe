package cn.tiaojie.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An SMS gateway on loopback that speaks the Twilio Messages REST shape: {@code POST
 * /2010-04-01/Accounts/{AccountSid}/Messages.json} with HTTP basic auth (account sid, auth token) and the form
 * fields To, From, Body and optional StatusCallback; it answers 201 with the message's JSON and, when a
 * StatusCallback is given, posts {@code MessageSid} and {@code MessageStatus=delivered} to it. A request carrying
 * an {@code Idempotency-Key} already seen gets the first message back and is not delivered again. Numbers that
 * start with {@link #UNREACHABLE_PREFIX} are refused with 400 (a permanent error, like an invalid number); tests
 * can ask for transient 503s. Everything it delivered stays in memory for {@code ./tiaojie outbox}.
 */
public final class SmsGatewaySimulator implements AutoCloseable {

    public static final String ACCOUNT_SID = "ACdev0000000000000000000000000000";
    public static final String AUTH_TOKEN = "dev-only-sms-token";
    /** numbers the gateway refuses as unreachable */
    public static final String UNREACHABLE_PREFIX = "170000";

    /** One SMS the gateway accepted and delivered. */
    public record Sms(String sid, String to, String from, String body, String idempotencyKey, Instant receivedAt) {
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final HttpClient callbacks = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Sms> delivered = new ConcurrentLinkedQueue<>();
    private final Map<String, String> sidByKey = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong repeatedKeys = new AtomicLong();
    private final AtomicInteger transientFailuresToGive = new AtomicInteger();
    private final AtomicLong sequence = new AtomicLong();

    private SmsGatewaySimulator(HttpServer server, ExecutorService workers) {
        this.server = server;
        this.workers = workers;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public static SmsGatewaySimulator start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
            ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
            SmsGatewaySimulator gateway = new SmsGatewaySimulator(server, workers);
            server.createContext("/2010-04-01/Accounts/", gateway::handleMessage);
            server.setExecutor(workers);
            server.start();
            return gateway;
        } catch (IOException e) {
            throw new IllegalStateException("the SMS gateway simulator could not listen on port " + port, e);
        }
    }

    /** Adds another handler on the same port (the launcher's outbox listing). */
    void addContext(String path, com.sun.net.httpserver.HttpHandler handler) {
        server.createContext(path, handler);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The base URL a client configures, e.g. http://127.0.0.1:PORT */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    public List<Sms> delivered() {
        return new ArrayList<>(delivered);
    }

    public long deliveredCount() {
        return sequence.get();
    }

    /** Requests received, including refused ones and repeats of a key already seen. */
    public long requests() {
        return requests.get();
    }

    /** Requests that repeated an idempotency key: answered with the first message, not delivered again. */
    public long repeatedKeys() {
        return repeatedKeys.get();
    }

    /** The next {@code count} requests are answered 503, as by an overloaded gateway. */
    public void failNext(int count) {
        transientFailuresToGive.set(count);
    }

    public void clear() {
        delivered.clear();
        sidByKey.clear();
        requests.set(0);
        repeatedKeys.set(0);
        sequence.set(0);
        transientFailuresToGive.set(0);
    }

    private void handleMessage(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            if (!exchange.getRequestMethod().equals("POST") || !path.endsWith("/Messages.json")) {
                respond(exchange, 404, error(20404, "The requested resource was not found"));
                return;
            }
            String accountSid = path.substring("/2010-04-01/Accounts/".length(), path.length() - "/Messages.json".length());
            if (!authorized(exchange, accountSid)) {
                respond(exchange, 401, error(20003, "Authentication Error - invalid username"));
                return;
            }
            if (transientFailuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                respond(exchange, 503, error(20503, "Service unavailable"));
                return;
            }
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String to = form.getOrDefault("To", "");
            String body = form.getOrDefault("Body", "");
            if (to.isBlank() || body.isBlank()) {
                respond(exchange, 400, error(21604, "A 'To' phone number and a 'Body' are required"));
                return;
            }
            if (to.replaceAll("[^0-9]", "").replaceFirst("^86", "").startsWith(UNREACHABLE_PREFIX)) {
                respond(exchange, 400, error(21211, "The 'To' number " + to + " is not a valid phone number"));
                return;
            }
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            String newSid = "SM" + String.format("%032x", sequence.get() + 1 + System.nanoTime() % 1000);
            String sid = key == null ? newSid : sidByKey.putIfAbsent(key, newSid);
            if (sid != null && key != null) {
                repeatedKeys.incrementAndGet();
                respond(exchange, 200, message(sid, to, form.get("From"), body, "sent"));
                return;
            }
            sid = newSid;
            sequence.incrementAndGet();
            delivered.add(new Sms(sid, to, form.get("From"), body, key, Instant.now()));
            respond(exchange, 201, message(sid, to, form.get("From"), body, "queued"));
            String callback = form.get("StatusCallback");
            if (callback != null && !callback.isBlank()) {
                reportDelivered(callback, sid);
            }
        }
    }

    private boolean authorized(HttpExchange exchange, String accountSid) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8));
        return ACCOUNT_SID.equals(accountSid) && expected.equals(header);
    }

    private void reportDelivered(String callback, String sid) {
        String form = "MessageSid=" + sid + "&MessageStatus=delivered&AccountSid=" + ACCOUNT_SID;
        HttpRequest request = HttpRequest.newBuilder(URI.create(callback)).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        callbacks.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    }

    static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String message(String sid, String to, String from, String body, String status) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + ACCOUNT_SID + "\",\"to\":" + Json.string(to)
                + ",\"from\":" + Json.string(from) + ",\"body\":" + Json.string(body) + ",\"status\":\"" + status
                + "\",\"num_segments\":\"" + Math.max(1, (body.length() + 69) / 70) + "\"}";
    }

    private static String error(int code, String message) {
        return "{\"code\":" + code + ",\"message\":" + Json.string(message) + "}";
    }

    static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
