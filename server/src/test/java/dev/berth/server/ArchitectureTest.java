package dev.berth.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STYLE.md, shape 1: packages form no cycle, and arrows point inward. */
class ArchitectureTest {
    private static JavaClasses berth;

    @BeforeAll
    static void importClasses() {
        berth = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.berth");
    }

    @Test
    void packagesFormNoCycle() {
        slices().matching("dev.berth.(**)").should().beFreeOfCycles().check(berth);
    }

    @Test
    void thePolicyEngineKnowsNothingButItselfTheJdkAndJackson() {
        classes().that().resideInAPackage("dev.berth.policy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.berth.policy..", "java..", "com.fasterxml.jackson..")
                .check(berth);
    }

    @Test
    void identityKnowsOnlyThePolicyEngineAndItsOwnStoreInterfaces() {
        classes().that().resideInAPackage("dev.berth.iam..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.berth.iam..", "dev.berth.policy..", "java..",
                        "javax.crypto..", "org.bouncycastle..")
                .check(berth);
    }

    @Test
    void onlyTheServerKnowsHttp() {
        noClasses().that().resideOutsideOfPackage("dev.berth.server..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "dev.berth.server..")
                .check(berth);
    }

    @Test
    void thePolicyEngineDoesNoIoAndReadsNoClock() {
        noClasses().that().resideInAPackage("dev.berth.policy..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("java.io..", "java.nio..", "java.net..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Serializable"))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.System")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.time.Clock")
                .check(berth);
    }

    @Test
    void onlyTheDocumentReaderAndTheSimulatorSeeJson() {
        classes().that().resideInAnyPackage("dev.berth.policy.document..", "dev.berth.policy.evaluation..",
                        "dev.berth.policy.condition..", "dev.berth.policy.match..", "dev.berth.policy.value..",
                        "dev.berth.policy.principal..")
                .should().onlyDependOnClassesThat().resideOutsideOfPackage("com.fasterxml.jackson..")
                .check(berth);
    }
}
