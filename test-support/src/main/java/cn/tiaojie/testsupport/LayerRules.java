package cn.tiaojie.testsupport;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The layer rules of every service, checked over its compiled main classes: {@code service} packages take and
 * return their own types (no REST types, no protobuf messages, no gRPC stubs: mapping happens at the edge, in
 * {@code rest}, {@code grpc} and {@code client}), and the edges ({@code rest}, {@code grpc}) leave persistence and
 * transactions to the services. The contracts' enums are the suite's shared vocabulary and may be used anywhere.
 */
public final class LayerRules {

    private LayerRules() {
    }

    /** Checks every rule over the main classes under {@code basePackage}; throws naming each violation. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        for (String layer : List.of(".rest.", ".service.")) {
            if (classes.stream().noneMatch(type -> (type.getPackageName() + ".").contains(layer))) {
                throw new AssertionError("no " + layer + " classes under " + basePackage + ": is it the base package?");
            }
        }
        check(classes);
    }

    static void check(JavaClasses classes) {
        for (ArchRule rule : rules()) {
            rule.check(classes);
        }
    }

    static List<ArchRule> rules() {
        return List.of(
                noClasses().that().resideInAPackage("..service..")
                        .should().dependOnClassesThat().resideInAPackage("..rest..")
                        .because("a service takes and returns its own types; REST types are mapped in rest/")
                        .allowEmptyShould(true),
                noClasses().that().resideInAPackage("..service..")
                        .should().dependOnClassesThat(GENERATED_GRPC)
                        .because("protobuf messages and gRPC stubs are mapped in grpc/ and client/")
                        .allowEmptyShould(true),
                noClasses().that().resideInAnyPackage("..rest..", "..grpc..")
                        .should().callMethodWhere(PANACHE_STATIC)
                        .because("an edge calls a service, which owns queries and transactions")
                        .allowEmptyShould(true),
                noClasses().that().resideInAnyPackage("..rest..", "..grpc..")
                        .should().dependOnClassesThat().haveFullyQualifiedName("io.quarkus.narayana.jta.QuarkusTransaction")
                        .orShould().dependOnClassesThat().haveFullyQualifiedName("jakarta.transaction.Transactional")
                        .because("transactions begin and end in service/")
                        .allowEmptyShould(true));
    }

    private static final DescribedPredicate<JavaClass> GENERATED_GRPC = DescribedPredicate.describe(
            "protobuf messages, their builders or gRPC stubs",
            type -> type.isAssignableTo("com.google.protobuf.MessageLiteOrBuilder")
                    || type.getPackageName().startsWith("io.grpc")
                    || type.getPackageName().startsWith("io.quarkus.grpc")
                    || type.getName().endsWith("Grpc") || type.getName().contains("Grpc$"));

    private static final DescribedPredicate<JavaAccess<?>> PANACHE_STATIC = DescribedPredicate.describe(
            "a static method of a Panache entity",
            access -> access.getTarget().getOwner().isAssignableTo("io.quarkus.hibernate.orm.panache.PanacheEntityBase")
                    && access.getTarget().resolveMember()
                            .map(member -> member.getModifiers().contains(JavaModifier.STATIC)).orElse(true));
}
