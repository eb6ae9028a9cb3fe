package cn.tiaojie.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The manifests committed under k8s/ pass every check. */
class RepositoryManifestsTest {

    static final Path ROOT = Path.of(System.getProperty("tiaojie.root", "..")).toAbsolutePath().normalize();
    private final ManifestChecks checks = new ManifestChecks(ROOT, ROOT.resolve("k8s"));

    @Test
    void everyManifestIsValidAgainstItsSchema() {
        assertNoProblems(checks.schema());
    }

    @Test
    void committedGeneratedManifestsEqualWhatTheBuildGenerates() {
        assertNoProblems(checks.generatedMatchBuild());
    }

    @Test
    void secretTemplatesHoldNoValues() {
        assertNoProblems(checks.secretTemplateRules());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void renderedWorkloadsAreHardenedAndReferencesResolve(String dir) {
        assertNoProblems(checks.rules(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void networkPoliciesOpenExactlyTheConfiguredGrpcPathsAndOwnDatabases(String dir) {
        assertNoProblems(checks.grpcPaths(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
    void networkPoliciesOpenTheWorkbenchToTheIngressAndItToTheServicesItCalls(String dir) {
        assertNoProblems(checks.workbenchPaths(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void ingressRoutesEveryRestPathToItsService(String dir) {
        assertNoProblems(checks.ingressRoutes(dir));
    }

    @Test
    void inProductionEveryServiceVerifiesItsDatabaseOverTls() {
        assertNoProblems(checks.databaseTransport("overlays/prod"));
    }

    static void assertNoProblems(List<String> problems) {
        assertEquals(List.of(), problems, () -> problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
    }
}
