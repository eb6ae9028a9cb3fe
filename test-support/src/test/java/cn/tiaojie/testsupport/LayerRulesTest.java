package cn.tiaojie.testsupport;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import cn.tiaojie.testsupport.layerfixture.model.Thing;
import cn.tiaojie.testsupport.layerfixture.rest.ThingRequest;
import cn.tiaojie.testsupport.layerfixture.rest.ThingResource;
import cn.tiaojie.testsupport.layerfixture.rest.TransactionalResource;
import cn.tiaojie.testsupport.layerfixture.service.CleanService;
import cn.tiaojie.testsupport.layerfixture.service.ProtoTakingService;
import cn.tiaojie.testsupport.layerfixture.service.RestTakingService;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each layer rule catches the break it names, and a clean service passes them all. */
class LayerRulesTest {

    @Test
    void aServiceTakingARestTypeBreaksTheFirstRule() {
        assertOneViolation(violations(RestTakingService.class, ThingRequest.class), "'..rest..'");
    }

    @Test
    void aServiceTakingAProtobufMessageBreaksTheSecondRule() {
        assertOneViolation(violations(ProtoTakingService.class), "protobuf messages");
    }

    @Test
    void aResourceQueryingAnEntityBreaksTheThirdRule() {
        assertOneViolation(violations(ThingResource.class, Thing.class), "static method of a Panache entity");
    }

    @Test
    void aResourceOpeningATransactionBreaksTheFourthRule() {
        assertOneViolation(violations(TransactionalResource.class), "Transactional");
    }

    @Test
    void aCleanServicePassesEveryRule() {
        JavaClasses classes = new ClassFileImporter().importClasses(CleanService.class, Thing.class);
        assertDoesNotThrow(() -> LayerRules.check(classes));
    }

    private static void assertOneViolation(List<String> violations, String rule) {
        assertEquals(1, violations.size(), () -> "one rule broken, not " + violations);
        assertTrue(violations.getFirst().contains(rule), () -> violations.getFirst() + " names " + rule);
    }

    private static List<String> violations(Class<?>... types) {
        JavaClasses classes = new ClassFileImporter().importClasses(types);
        return LayerRules.rules().stream().map(rule -> rule.evaluate(classes)).filter(EvaluationResult::hasViolation)
                .map(result -> result.getFailureReport().toString()).collect(Collectors.toList());
    }
}
