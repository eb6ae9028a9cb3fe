package cn.tiaojie.deploy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JDBC URL: which CloudNativePG Cluster it points at (the operator's services are {@code <cluster>-rw|ro|r})
 * and its connection parameters.
 */
final class Databases {

    private Databases() {
    }

    static String clusterOf(String jdbcUrl) {
        String host = URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
        String service = host == null ? "" : host.split("\\.")[0];
        return service.replaceFirst("-(rw|ro|r)$", "");
    }

    /** The URL's query parameters ({@code sslmode}, {@code sslrootcert}…), in order. */
    static Map<String, String> parameters(String jdbcUrl) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String query = URI.create(jdbcUrl.substring("jdbc:".length())).getQuery();
        if (query != null) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                parameters.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
            }
        }
        return parameters;
    }
}
