package dev.dsrflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md: {@code api → workflows → activities},
 * {@code console → api} (never the other way) and {@code worker → workflows, activities};
 * nothing imports the worker or the console; the API never reaches into product-handler
 * implementations.
 */
class ModuleBoundariesTest {
    private static final String[] WORKFLOWS = {"dev.dsrflow.workflow.."};
    private static final String[] API = {"dev.dsrflow.api.."};
    private static final String[] CONSOLE = {"dev.dsrflow.console.."};
    private static final String[] WORKER = {
        "dev.dsrflow.runtime..",
        "dev.dsrflow.orchestrator..",
        "dev.dsrflow.productworker..",
        "dev.dsrflow.bench..",
        "dev.dsrflow.verify.."
    };

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption((Location location) -> !location.contains("-tests.jar"))
                .importPackages("dev.dsrflow");
    }

    @Test
    void dependenciesPointOneWay() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("activities")
                .definedBy(not(resideInAnyPackage(concat(WORKFLOWS, API, CONSOLE, WORKER)))
                        .and(resideInAnyPackage("dev.dsrflow..")))
                .layer("workflows")
                .definedBy(WORKFLOWS)
                .layer("api")
                .definedBy(API)
                .layer("console")
                .definedBy(CONSOLE)
                .layer("worker")
                .definedBy(WORKER)
                .whereLayer("worker")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("console")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("api")
                .mayOnlyBeAccessedByLayers("console")
                .whereLayer("workflows")
                .mayOnlyBeAccessedByLayers("api", "worker")
                .whereLayer("activities")
                .mayOnlyBeAccessedByLayers("workflows", "api", "console", "worker")
                .check(classes);
    }

    @Test
    void theApiNeverReachesIntoHandlerImplementations() {
        noClasses()
                .that()
                .resideInAnyPackage(API)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.dsrflow.demo..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("ActivitiesImpl")
                .check(classes);
    }

    @Test
    void workflowsDoNoIoOfTheirOwn() {
        noClasses()
                .that()
                .resideInAnyPackage(WORKFLOWS)
                .and()
                .haveSimpleNameEndingWith("WorkflowImpl")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.sql..", "java.net..", "java.nio.file..", "javax.sql..")
                .check(classes);
    }

    /** Inside workflows: the shared request lifecycle (fan-out, batches, journal) knows no request type and no holds. */
    @Test
    void theSharedLifecycleKnowsNoRequestTypeAndNoHoldRegistry() {
        noClasses()
                .that()
                .resideInAPackage("dev.dsrflow.workflow.lifecycle..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.dsrflow.workflow.holds..",
                        "dev.dsrflow.workflow.deletion..",
                        "dev.dsrflow.workflow.access..",
                        "dev.dsrflow.workflow.download..",
                        "dev.dsrflow.workflow.preservation..")
                .check(classes);
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
