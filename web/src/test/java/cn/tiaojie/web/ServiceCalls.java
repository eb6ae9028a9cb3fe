package cn.tiaojie.web;

import cn.tiaojie.launcher.SuiteService;
import cn.tiaojie.local.DevTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What other people do meanwhile, through the services' APIs: mediators answering their offers. */
final class ServiceCalls {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    private ServiceCalls() {
    }

    static String staffToken() {
        return DevTokens.forRole("staff").subject("staff-qx").claim("center", "QX-COUNTY").sign();
    }

    static JsonNode get(SuiteService service, String path, String token) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).header("Authorization", "Bearer " + token)
                .GET());
    }

    static JsonNode post(SuiteService service, String path, String token, String json) {
        return send(service, HttpRequest.newBuilder(uri(service, path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Registers a neighbours' dispute of QX-COUNTY through case-service's API; its id. */
    static String registerCase(String applicantPhone) {
        return registerCase("NEIGHBOUR.DRAINAGE", "雨水排向邻居院内", applicantPhone);
    }

    /** Registers a dispute of that subcategory in QX-COUNTY through case-service's API; its id. */
    static String registerCase(String subcategory, String summary, String applicantPhone) {
        String body = """
                {"channel":"WALK_IN","subcategory":"%s","areaCode":"330999102003",
                 "summary":"%s","parties":[
                   {"role":"APPLICANT","kind":"PERSON","name":"孙八","phone":"%s"},
                   {"role":"RESPONDENT","kind":"PERSON","name":"吴九"}]}""".formatted(subcategory, summary,
                applicantPhone);
        return post(SuiteService.CASE, "/api/cases", staffToken(), body).path("id").asText();
    }

    /** Files the case (立案), which sends it to matching. */
    static void fileCase(String caseId) {
        post(SuiteService.CASE, "/api/cases/" + caseId + "/file", staffToken(), "");
    }

    /** The applicant rates the service (评价) with their own resident token, as their notice link would let them. */
    static void applicantRates(String caseId, int score, String comment) {
        JsonNode parties = get(SuiteService.CASE, "/api/cases/" + caseId, staffToken()).path("parties");
        String applicant = null;
        for (JsonNode party : parties) {
            if (party.path("role").asText().equals("APPLICANT")) {
                applicant = party.path("id").asText();
            }
        }
        String resident = DevTokens.forRole("resident").subject("r-" + applicant).claim("caseId", caseId)
                .claim("partyId", applicant).sign();
        post(SuiteService.CASE, "/api/cases/" + caseId + "/ratings", resident,
                "{\"score\":%d,\"comment\":\"%s\"}".formatted(score, comment));
    }

    static String mediatorToken(String mediatorId) {
        return DevTokens.forRole("mediator").subject(mediatorId).claim("mediatorId", mediatorId).sign();
    }

    /** The case's team as staff see it, once it satisfies {@code done}. */
    static JsonNode teamWhen(String caseId, Predicate<JsonNode> done) {
        return poll(() -> get(SuiteService.MEDIATOR, "/api/teams/by-case/" + caseId, staffToken()),
                t -> t != null && done.test(t));
    }

    /** Waits until the case's team has offers out, then every offered mediator accepts with their own token. */
    static List<String> everyOfferedMediatorAccepts(String caseId) {
        JsonNode team = teamWhen(caseId, t -> t.path("offers").size() > 0);
        List<String> accepted = new ArrayList<>();
        for (JsonNode offer : team.path("offers")) {
            if (!"OFFERED".equals(offer.path("status").asText())) {
                continue;
            }
            String mediator = offer.path("mediatorId").asText();
            String token = mediatorToken(mediator);
            send(SuiteService.MEDIATOR, HttpRequest.newBuilder(uri(SuiteService.MEDIATOR,
                    "/api/offers/" + offer.path("id").asText() + "/accept"))
                    .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()));
            accepted.add(offer.path("mediatorName").asText());
        }
        return accepted;
    }

    /**
     * Polls until the answer satisfies {@code done}: at most two minutes, for what the services do in the background
     * (outbox relays, team forming, booking), which a busy machine slows down.
     */
    static <T> T poll(java.util.function.Supplier<T> call, Predicate<T> done) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value;
            try {
                value = call.get();
            } catch (IllegalStateException e) {
                value = null;
            }
            if (value != null && done.test(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still not done after " + PATIENCE.toSeconds() + " s: " + value);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static URI uri(SuiteService service, String path) {
        return RunningSuite.suite().url(service).resolve(path);
    }

    private static JsonNode send(SuiteService service, HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(service.module + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return response.body().isEmpty() ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
