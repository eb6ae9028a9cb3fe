package cn.tiaojie.launcher;

/** The four services: their module, default port, and the database and login each owns. */
public enum SuiteService {
    CASE("case-service", 8081, "case"),
    MEDIATOR("mediator-service", 8082, "mediator"),
    SCHEDULING("scheduling-service", 8083, "scheduling"),
    NOTIFY("notify-service", 8084, "notify");

    public final String module;
    public final int defaultPort;
    /** the name other services' gRPC clients use for this one */
    public final String clientName;

    SuiteService(String module, int defaultPort, String clientName) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.clientName = clientName;
    }

    public String database() {
        return clientName + "_db";
    }

    public String user() {
        return clientName + "_svc";
    }

    /** Local-run password: the embedded server listens on loopback only. */
    public String devPassword() {
        return "dev-only-" + clientName;
    }
}
