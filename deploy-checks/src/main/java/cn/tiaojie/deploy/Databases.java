package cn.tiaojie.deploy;

import java.net.URI;

/** Reads which CloudNativePG Cluster a JDBC URL points at: the operator's services are {@code <cluster>-rw|ro|r}. */
final class Databases {

    private Databases() {
    }

    static String clusterOf(String jdbcUrl) {
        String host = URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
        String service = host == null ? "" : host.split("\\.")[0];
        return service.replaceFirst("-(rw|ro|r)$", "");
    }
}
