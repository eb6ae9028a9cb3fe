package cn.tiaojie.notify.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Live inbox streams end after a moment, so that a request to one can be answered and counted like any other. */
public class SecurityTestProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("tiaojie.notify.inbox.stream-lifetime", "300ms");
    }
}
