package cn.tiaojie.launcher;

import cn.tiaojie.local.DevTokens;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workbench (module {@code web}): the pages staff and supervisors use. Unlike a {@link SuiteService} it keeps
 * no database and serves no gRPC; it calls the services' REST APIs with the signed-in user's own token.
 */
public final class Workbench {

    public static final String MODULE = "web";
    public static final int DEFAULT_PORT = 8080;

    private Workbench() {
    }

    /**
     * The workbench's system properties on a local run: each service's REST API, and the DEV-ONLY sign-in that signs
     * demo users' tokens with the key the services trust there.
     */
    static List<String> localProperties(Map<SuiteService, URI> services, Path devSigningKey) {
        List<String> properties = new ArrayList<>();
        services.forEach((service, url) -> properties.add("-Dquarkus.rest-client." + service.module + ".url=" + url));
        properties.add("-Dtiaojie.web.dev-sign-in.signing-key-location=" + devSigningKey.toUri());
        properties.add("-Dtiaojie.web.dev-sign-in.issuer=" + DevTokens.ISSUER);
        return properties;
    }
}
