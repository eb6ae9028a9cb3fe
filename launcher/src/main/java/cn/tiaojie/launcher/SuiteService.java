package cn.tiaojie.launcher;

import cn.tiaojie.local.LocalPostgres;

/**
 * The four services: their module, default port, their database and its two logins: the owner, which Flyway
 * migrates as, and the application's role, which the service's datasource uses and which owns nothing.
 */
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

    /** The application's role: reads and writes rows with the rights the migrations grant it. */
    public String user() {
        return clientName + "_svc";
    }

    /** DEV-ONLY local-run password of {@link #user()}: the embedded server listens on loopback only. */
    public String devPassword() {
        return "dev-only-" + clientName;
    }

    /** The database's owner: owns the schema, Flyway's login. */
    public String owner() {
        return LocalPostgres.ownerOf(user());
    }

    /** DEV-ONLY local-run password of {@link #owner()}, the one the services' local profile expects. */
    public String ownerDevPassword() {
        return LocalPostgres.ownerPasswordOf(devPassword());
    }
}
