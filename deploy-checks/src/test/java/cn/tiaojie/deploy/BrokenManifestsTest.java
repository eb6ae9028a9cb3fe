package cn.tiaojie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each test copies the committed k8s/ tree, breaks one thing in it, and shows that the check responsible reports
 * exactly that (while the untouched copy passes, so the failure is the edit's).
 */
class BrokenManifestsTest {

    private static final Path ROOT = RepositoryManifestsTest.ROOT;

    @TempDir
    Path temp;
    private Path k8s;
    private ManifestChecks checks;

    @BeforeEach
    void copyTheCommittedManifests() throws IOException {
        k8s = temp.resolve("k8s");
        try (Stream<Path> files = Files.walk(ROOT.resolve("k8s"))) {
            for (Path from : files.toList()) {
                Path to = k8s.resolve(ROOT.resolve("k8s").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        checks = new ManifestChecks(ROOT, k8s);
        assertEquals(List.of(), checks.schema(), "the untouched copy must pass");
    }

    @Test
    void anUnknownFieldInADeploymentIsRejected() throws IOException {
        edit("base/generated/case-service.yml", "  template:\n    metadata:", "  replicaz: 2\n  template:\n    metadata:");

        assertReports(checks.schema(), "The field `replicaz` in the JSON string is not defined in the `V1DeploymentSpec` properties");
    }

    @Test
    void aDeploymentWithoutLimitsIsRejected() throws IOException {
        edit("base/generated/case-service.yml", "            limits:\n              cpu: \"1\"\n              memory: 768Mi\n", "");

        List<String> problems = checks.rules("base");
        assertReports(problems, "container case-service: no cpu in resources.limits");
        assertReports(problems, "container case-service: no memory in resources.limits");
    }

    @Test
    void aMissingRequiredFieldIsRejected() throws IOException {
        edit("base/generated/notify-service.yml", "      port: 8084\n", "");

        assertReports(checks.schema(), "The required field `port` is not found in the JSON string");
    }

    @Test
    void aValueOfTheWrongTypeIsRejected() throws IOException {
        edit("base/generated/mediator-service.yml", "              memory: 768Mi", "              memory: [768Mi]");

        assertReports(checks.schema(), "mediator-service");
    }

    @Test
    void aDeploymentThatMayEscalatePrivilegesIsRejected() throws IOException {
        edit("base/generated/scheduling-service.yml", "            allowPrivilegeEscalation: false", "            allowPrivilegeEscalation: true");
        edit("base/generated/scheduling-service.yml", "            readOnlyRootFilesystem: true\n", "");

        List<String> problems = checks.rules("base");
        assertReports(problems, "container scheduling-service: securityContext.allowPrivilegeEscalation is not false");
        assertReports(problems, "container scheduling-service: securityContext.readOnlyRootFilesystem is not true");
    }

    @Test
    void aDeploymentWithoutProbesIsRejected() throws IOException {
        String file = "base/generated/case-service.yml";
        String text = Files.readString(k8s.resolve(file));
        int start = text.indexOf("          startupProbe:");
        int end = text.indexOf("          volumeMounts:");
        Files.writeString(k8s.resolve(file), text.substring(0, start) + text.substring(end));

        assertReports(checks.rules("base"), "container case-service: no startupProbe");
    }

    @Test
    void aServiceThatSelectsNothingIsRejected() throws IOException {
        edit("base/generated/case-service.yml", "  selector:\n    app.kubernetes.io/part-of: tiaojie\n    app.kubernetes.io/name: case-service",
                "  selector:\n    app.kubernetes.io/part-of: tiaojie\n    app.kubernetes.io/name: cases");

        assertReports(checks.rules("base"), "Service/case-service: selector {app.kubernetes.io/part-of=tiaojie, app.kubernetes.io/name=cases} selects no workload");
    }

    @Test
    void aNetworkPolicyNamingAMissingPeerIsRejected() throws IOException {
        String policies = Files.readString(k8s.resolve("base/network-policies.yaml"));
        Files.writeString(k8s.resolve("base/network-policies.yaml"),
                policies.replaceFirst("app.kubernetes.io/name: notify-service\n      ports:", "app.kubernetes.io/name: notifier\n      ports:"));

        assertReports(checks.rules("base"), "peer {\"matchLabels\":{\"app.kubernetes.io/name\":\"notifier\"}} selects no workload");
    }

    @Test
    void aNetworkPolicyNamingAnUnknownNamespaceIsRejected() throws IOException {
        edit("base/network-policies.yaml", "kubernetes.io/metadata.name: keycloak\n      ports:\n        - protocol: TCP\n          port: 8080\n        - protocol: TCP\n          port: 8443\n---\n# mediator",
                "kubernetes.io/metadata.name: sso\n      ports:\n        - protocol: TCP\n          port: 8080\n        - protocol: TCP\n          port: 8443\n---\n# mediator");

        assertReports(checks.rules("base"), "egress peer namespace sso is not one of the prerequisites");
    }

    @Test
    void aGrpcPathNoServiceCallsIsRejected() throws IOException {
        // notify-service may call case-service only; open notify → scheduling on both sides
        edit("base/network-policies.yaml", "# scheduling-service: gRPC from case-service;", "# scheduling-service: gRPC from case-service, notify-service;");
        String policies = Files.readString(k8s.resolve("base/network-policies.yaml"));
        int scheduling = policies.indexOf("metadata:\n  name: scheduling-service\nspec:");
        int firstFrom = policies.indexOf("    - from:\n", scheduling) + "    - from:\n".length();
        policies = policies.substring(0, firstFrom) + "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: notify-service\n" + policies.substring(firstFrom);
        int notify = policies.indexOf("metadata:\n  name: notify-service\nspec:");
        int firstTo = policies.indexOf("    - to:\n", notify) + "    - to:\n".length();
        policies = policies.substring(0, firstTo) + "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: scheduling-service\n" + policies.substring(firstTo);
        Files.writeString(k8s.resolve("base/network-policies.yaml"), policies);

        assertReports(checks.grpcPaths("base"), "notify-service → scheduling-service is open, but the caller has no gRPC client for it");
    }

    @Test
    void aClosedGrpcPathIsRejected() throws IOException {
        String policies = Files.readString(k8s.resolve("base/network-policies.yaml"));
        int mediator = policies.indexOf("metadata:\n  name: mediator-service\nspec:");
        int egress = policies.indexOf("  egress:\n    - to:\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: case-service\n", mediator);
        String caseEntry = "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: case-service\n";
        int at = policies.indexOf(caseEntry, egress);
        Files.writeString(k8s.resolve("base/network-policies.yaml"), policies.substring(0, at) + policies.substring(at + caseEntry.length()));

        assertReports(checks.grpcPaths("base"), "mediator-service → case-service is closed, but the caller calls it over gRPC");
    }

    @Test
    void reachingAnotherServicesDatabaseIsRejected() throws IOException {
        edit("base/network-policies.yaml", "              cnpg.io/cluster: notify-db\n      ports:\n        - protocol: TCP\n          port: 5432\n    - to:",
                "              cnpg.io/cluster: notify-db\n        - podSelector:\n            matchLabels:\n              cnpg.io/cluster: case-db\n      ports:\n        - protocol: TCP\n          port: 5432\n    - to:");
        edit("base/network-policies.yaml", "              app.kubernetes.io/name: case-service\n      ports:\n        - protocol: TCP\n          port: 5432",
                "              app.kubernetes.io/name: case-service\n        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: notify-service\n      ports:\n        - protocol: TCP\n          port: 5432");

        assertReports(checks.grpcPaths("base"), "notify-service → database case-db is open, but it is not the service's own database");
    }

    @Test
    void aCommittedGeneratedManifestThatDiffersFromTheBuildIsRejected() throws IOException {
        edit("base/generated/mediator-service.yml", "memory: 384Mi", "memory: 256Mi");

        assertReports(checks.generatedMatchBuild(), "mediator-service.yml differs from the build's");
        assertReports(checks.generatedMatchBuild(), "Deployment/mediator-service at spec.template.spec.containers[name=mediator-service].resources.requests.memory");
    }

    @Test
    void labelsInAnotherOrderAreTheSameGeneratedContent() throws IOException {
        edit("base/generated/case-service.yml", "  selector:\n    app.kubernetes.io/part-of: tiaojie\n    app.kubernetes.io/name: case-service",
                "  selector:\n    app.kubernetes.io/name: case-service\n    app.kubernetes.io/part-of: tiaojie");

        assertEquals(List.of(), checks.generatedMatchBuild().stream().filter(p -> p.contains("case-service")).toList());
    }

    @Test
    void aDatabaseThatArchivesNoWalIsReported() throws IOException {
        edit("base/databases.yaml", "      isWALArchiver: true\n      parameters:\n        barmanObjectName: case-db-backups",
                "      isWALArchiver: false\n      parameters:\n        barmanObjectName: case-db-backups");

        assertReports(checks.rules("overlays/prod"), "Cluster/case-db", "archives no WAL");
    }

    @Test
    void aDatabaseWithoutScheduledBaseBackupsIsReported() throws IOException {
        edit("base/backups.yaml", "  cluster:\n    name: mediator-db\n", "  cluster:\n    name: mediator-dbx\n");

        assertReports(checks.rules("base"), "Cluster/mediator-db", "no ScheduledBackup");
    }

    @Test
    void anObjectStoreWithoutRetentionIsReported() throws IOException {
        edit("base/backups.yaml", "  name: notify-db-backups\n  labels:\n    app.kubernetes.io/part-of: tiaojie\nspec:\n  retentionPolicy: \"30d\"\n",
                "  name: notify-db-backups\n  labels:\n    app.kubernetes.io/part-of: tiaojie\nspec:\n");

        assertReports(checks.rules("base"), "ObjectStore/notify-db-backups", "no retentionPolicy");
    }

    @Test
    void twoDatabasesArchivingIntoOneStoreAreReported() throws IOException {
        edit("base/databases.yaml", "        barmanObjectName: scheduling-db-backups", "        barmanObjectName: case-db-backups");

        assertReports(checks.rules("base"), "Cluster/scheduling-db", "shares ObjectStore case-db-backups");
    }

    @Test
    void aServiceThatDoesNotVerifyItsDatabaseInProductionIsReported() throws IOException {
        edit("overlays/prod/config.yaml", "mediator_db?sslmode=verify-full", "mediator_db?sslmode=require");

        assertReports(checks.databaseTransport("overlays/prod"), "Deployment/mediator-service", "without sslmode=verify-full");
    }

    @Test
    void aDatabaseCaThatIsNotMountedIsReported() throws IOException {
        edit("overlays/prod/database-tls.yaml", "            secretName: notify-db-ca", "            secretName: case-db-ca");

        assertReports(checks.databaseTransport("overlays/prod"), "Deployment/notify-service", "not a mounted file of Secret notify-db-ca");
    }

    @Test
    void anUnknownFieldInADatabaseClusterIsRejected() throws IOException {
        edit("base/databases.yaml", "  instances: 1\n  imageName: ghcr.io/cloudnative-pg/postgresql:17.5\n  primaryUpdateStrategy: unsupervised\n  bootstrap:\n    initdb:\n      database: case_db",
                "  instance: 1\n  imageName: ghcr.io/cloudnative-pg/postgresql:17.5\n  primaryUpdateStrategy: unsupervised\n  bootstrap:\n    initdb:\n      database: case_db");

        List<String> problems = checks.schema();
        assertReports(problems, "unknown field `instance`");
        assertReports(problems, "required field `instances` is missing");
    }

    @Test
    void aDatabaseLoginWhoseSecretNamesAnotherUserIsRejected() throws IOException {
        edit("base/databases.yaml", "      - name: case_svc\n", "      - name: case_app\n");

        assertReports(checks.rules("base"), "managed role case_app differs from the username in Secret case-db-credentials");
    }

    @Test
    void anUnknownFieldInAnOverlayPatchIsRejectedInTheRenderedObject() throws IOException {
        edit("overlays/prod/sizing.yaml", "  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: case-service\n",
                "  replicas: 2\n  template:\n    spec:\n      containers:\n        - name: case-service\n          cpuShares: 512\n");

        assertReports(checks.rules("overlays/prod"), "The field `cpuShares` in the JSON string is not defined in the `V1Container` properties");
    }

    @Test
    void anUnknownKustomizationFieldIsRejected() throws IOException {
        edit("overlays/dev/kustomization.yaml", "namespace: tiaojie-dev", "namespace: tiaojie-dev\ncommonLabels:\n  env: dev");

        assertReports(checks.rules("overlays/dev"), "unknown field `commonLabels`");
    }

    @Test
    void aDuplicateYamlKeyIsRejected() throws IOException {
        edit("base/config.yaml", "  QUARKUS_GRPC_CLIENTS_CASE_HOST: case-service\n",
                "  QUARKUS_GRPC_CLIENTS_CASE_HOST: case-service\n  QUARKUS_GRPC_CLIENTS_CASE_HOST: cases\n");

        assertReports(checks.schema(), "duplicate key QUARKUS_GRPC_CLIENTS_CASE_HOST");
    }

    @Test
    void aSecretTemplateWithARealValueIsRejected() throws IOException {
        edit("secrets/database-credentials.yaml", "  username: case_svc\n  password: <random, at least 24 characters>",
                "  username: case_svc\n  password: s3cret-Passw0rd");

        assertReports(checks.secretTemplateRules(), "password holds a value");
    }

    @Test
    void aRestPathTheIngressDoesNotRouteIsRejected() throws IOException {
        edit("overlays/prod/ingress.yaml", "          - path: /api/venues\n", "          - path: /api/venuez\n");

        assertReports(checks.ingressRoutes("overlays/prod"), "no Ingress route reaches /api/venues of scheduling-service");
    }

    @Test
    void aRestPathRoutedToTheWrongServiceIsRejected() throws IOException {
        edit("overlays/dev/ingress.yaml", "          - path: /api/cases/[^/]+/team\n", "          - path: /api/cases/[^/]+/teamwork\n");

        assertReports(checks.ingressRoutes("overlays/dev"), "/api/cases/p1/team of mediator-service is routed to case-service");
    }

    @Test
    void aPodReadingAConfigMapThatDoesNotExistIsRejected() throws IOException {
        edit("base/config.yaml", "  name: scheduling-service-config", "  name: scheduling-config");

        assertReports(checks.rules("base"), "ConfigMap scheduling-service-config does not exist");
    }

    @Test
    void anUnlistedManifestIsRejected() throws IOException {
        Files.writeString(k8s.resolve("base/forgotten.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: forgotten\n");

        assertReports(checks.schema(), "forgotten.yaml: no kustomization lists it");
    }

    @Test
    void aWorkbenchWithoutTheHardeningIsRejected() throws IOException {
        edit("base/generated/web.yml", "      automountServiceAccountToken: false\n", "");
        edit("base/generated/web.yml", "            readOnlyRootFilesystem: true\n", "");
        edit("base/generated/web.yml", "            allowPrivilegeEscalation: false", "            allowPrivilegeEscalation: true");

        List<String> problems = checks.rules("base");
        assertReports(problems, "Deployment/web: automountServiceAccountToken is not false");
        assertReports(problems, "container web: securityContext.readOnlyRootFilesystem is not true");
        assertReports(problems, "container web: securityContext.allowPrivilegeEscalation is not false");
    }

    @Test
    void aWorkbenchSecretWithoutATemplateIsRejected() throws IOException {
        Files.delete(k8s.resolve("secrets/web-secrets.yaml"));

        assertReports(checks.rules("overlays/prod"), "Deployment/web: Secret web-secrets does not exist");
    }

    @Test
    void aWorkbenchTheIngressControllerCannotReachIsRejected() throws IOException {
        // web's only ingress rule admits the monitoring namespace instead of the ingress controller
        edit("base/network-policies.yaml", "kubernetes.io/metadata.name: ingress-nginx\n      ports:",
                "kubernetes.io/metadata.name: monitoring\n      ports:");

        assertReports(checks.workbenchPaths("base"), "ingress controller → web is closed");
    }

    @Test
    void aServiceClosedToTheWorkbenchIsRejected() throws IOException {
        // scheduling-service's REST rule no longer admits web
        editAfter("base/network-policies.yaml", "metadata:\n  name: scheduling-service\nspec:",
                "        - podSelector:\n            matchLabels:\n              app.kubernetes.io/name: web\n", "");

        assertReports(checks.workbenchPaths("base"), "web → scheduling-service is closed, but web calls its REST API");
    }

    @Test
    void aWorkbenchPointedAtTheWrongServiceIsRejected() throws IOException {
        edit("base/config.yaml", "QUARKUS_REST_CLIENT_NOTIFY_SERVICE_URL: http://notify-service",
                "QUARKUS_REST_CLIENT_NOTIFY_SERVICE_URL: http://notify-service:8084");

        assertReports(checks.workbenchPaths("base"), "Service notify-service has no port named http numbered 8084");
    }

    @Test
    void aWorkbenchRouteThatExposesItsHealthIsRejected() throws IOException {
        edit("overlays/dev/ingress.yaml", "          - path: \"/(?!q(/|$))\"\n", "          - path: /\n");

        assertReports(checks.ingressRoutes("overlays/dev"), "Ingress/tiaojie-web: / exposes /q");
    }

    @Test
    void aWorkbenchPageNoIngressRoutesIsRejected() throws IOException {
        edit("overlays/prod/ingress.yaml", "                name: web\n", "                name: case-service\n");

        assertReports(checks.ingressRoutes("overlays/prod"), "no Ingress route reaches /cases of web");
    }

    private void edit(String file, String from, String to) throws IOException {
        Path path = k8s.resolve(file);
        String text = Files.readString(path);
        assertTrue(text.contains(from), () -> file + " no longer contains the text this test edits: " + from);
        Files.writeString(path, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
    }

    /** Replaces the first {@code from} that comes after {@code anchor}. */
    private void editAfter(String file, String anchor, String from, String to) throws IOException {
        Path path = k8s.resolve(file);
        String text = Files.readString(path);
        int at = text.indexOf(from, text.indexOf(anchor));
        assertTrue(text.contains(anchor) && at >= 0, () -> file + " no longer contains the text this test edits: " + from);
        Files.writeString(path, text.substring(0, at) + to + text.substring(at + from.length()));
    }

    /** One problem names the object and says what is wrong with it. */
    private static void assertReports(List<String> problems, String object, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(object) && p.contains(expected)),
                () -> "expected a problem of " + object + " containing \"" + expected + "\", got:\n  "
                        + String.join("\n  ", problems));
    }

    private static void assertReports(List<String> problems, String expected) {
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)),
                () -> "expected a problem containing \"" + expected + "\", got:\n  " + String.join("\n  ", problems));
    }
}
