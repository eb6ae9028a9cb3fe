package cn.tiaojie.platform.security;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated caller of a REST request and the claims that scope what they may see. */
@RequestScoped
public class Caller {

    private final JsonWebToken jwt;

    Caller(JsonWebToken jwt) {
        this.jwt = jwt;
    }

    public String subject() {
        return jwt.getSubject();
    }

    public boolean is(String role) {
        return jwt.getGroups() != null && jwt.getGroups().contains(role);
    }

    public Optional<String> center() {
        return claim(Claims.CENTER);
    }

    public Optional<String> area() {
        return claim(Claims.AREA);
    }

    public Optional<String> mediatorId() {
        return claim(Claims.MEDIATOR_ID);
    }

    public Optional<String> caseId() {
        return claim(Claims.CASE_ID);
    }

    public Optional<String> partyId() {
        return claim(Claims.PARTY_ID);
    }

    private Optional<String> claim(String name) {
        Object value = jwt.getClaim(name);
        return value == null ? Optional.empty() : Optional.of(value.toString().replace("\"", ""));
    }
}
