package cn.tiaojie.web.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.qute.TemplateData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in, read from their own access token. The web application only reads the claims to choose pages;
 * every service it calls verifies the token again and decides what the user may see and do.
 */
@TemplateData
public record SignedInUser(String accessToken, String subject, String displayName, Set<String> roles,
        Optional<String> center, Optional<String> area, Optional<String> mediatorId, Instant expiresAt) {

    public static final String STAFF = "staff";
    public static final String SUPERVISOR = "supervisor";
    public static final String MEDIATOR = "mediator";
    public static final String RESIDENT = "resident";
    public static final String ADMIN = "admin";

    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAnyOf(String... candidates) {
        for (String role : candidates) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean staff() {
        return is(STAFF);
    }

    public boolean supervisor() {
        return is(SUPERVISOR);
    }

    public boolean admin() {
        return is(ADMIN);
    }

    public boolean mediator() {
        return is(MEDIATOR);
    }

    /** Reads the case board: staff of a center, supervisors, administrators. */
    public boolean readsBoard() {
        return isAnyOf(STAFF, SUPERVISOR, ADMIN);
    }

    public boolean expired() {
        return Instant.now().isAfter(expiresAt);
    }

    /** The user's role as the pages name it. */
    public String roleName() {
        if (is(ADMIN)) {
            return "系统管理员";
        }
        if (is(SUPERVISOR)) {
            return "督办人员";
        }
        if (is(STAFF)) {
            return "调解中心工作人员";
        }
        if (is(MEDIATOR)) {
            return "调解员";
        }
        return is(RESIDENT) ? "当事人" : "用户";
    }

    /** Reads the claims of a token that an identity provider (or the DEV-ONLY sign-in) issued. */
    public static SignedInUser fromAccessToken(String token) {
        String[] parts = token.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        JsonNode claims;
        try {
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("unreadable token claims", e);
        }
        Set<String> roles = new LinkedHashSet<>();
        claims.path("groups").forEach(g -> roles.add(g.asText()));
        String subject = claims.path("sub").asText("");
        String name = text(claims, "name").or(() -> text(claims, "preferred_username")).orElse(subject);
        return new SignedInUser(token, subject, name, Set.copyOf(roles), text(claims, "center"), text(claims, "area"),
                text(claims, "mediatorId"), Instant.ofEpochSecond(claims.path("exp").asLong(0)));
    }

    private static Optional<String> text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        return value == null || value.isNull() || value.asText().isBlank() ? Optional.empty() : Optional.of(value.asText());
    }
}
