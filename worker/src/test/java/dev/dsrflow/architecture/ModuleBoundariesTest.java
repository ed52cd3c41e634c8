package dev.dsrflow.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/architecture.md: {@code api → workflows → activities},
 * {@code console → api} (never the other way) and {@code worker → workflows, activities};
 * nothing imports the worker or the console; the API never reaches into product-handler
 * implementations. A product team's side stays small: the product SDK depends on nothing of
 * dsrflow's machinery, the conformance kit on the SDK only, the product runtime on the SDK and
 * Temporal (no JDBC or Micronaut; AWS only in its optional S3 staging), and the example product
 * on the SDK and the runtime only. The SDK shares package names with the orchestrator (so moving
 * it changed no import), so these rules tell the modules apart by where a class was loaded from.
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

    private static final DescribedPredicate<JavaClass> PLAIN_JAVA =
            resideInAnyPackage("java..", "javax.crypto..", "javax.annotation..");
    private static final DescribedPredicate<JavaClass> SDK = module("product-sdk");
    private static final DescribedPredicate<JavaClass> KIT = module("product-sdk-testkit");
    private static final DescribedPredicate<JavaClass> RUNTIME = module("product-runtime");

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

    /**
     * Inside workflows: the shared request lifecycle (fan-out, batches, journal) knows no request type and
     * no holds.
     */
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

    @Test
    void theProductSdkDependsOnNothingOfDsrflowsMachinery() {
        classes()
                .that(SDK)
                .should()
                .onlyDependOnClassesThat(
                        SDK.or(PLAIN_JAVA).or(resideInAnyPackage("com.fasterxml.jackson.annotation..")))
                .check(classes);
    }

    @Test
    void theConformanceKitNeedsOnlyTheSdkJunitAndJackson() {
        classes()
                .that(KIT)
                .should()
                .onlyDependOnClassesThat(KIT.or(SDK)
                        .or(PLAIN_JAVA)
                        .or(resideInAnyPackage("org.junit..", "org.opentest4j..", "com.fasterxml.jackson..")))
                .check(classes);
    }

    @Test
    void theProductRuntimeBringsTemporalAndItsMetricsButNoJdbcOrMicronautAndAwsOnlyForS3Staging() {
        classes()
                .that(RUNTIME)
                .and()
                .haveNameNotMatching("dev\\.dsrflow\\.blob\\.S3BlobStore.*")
                .should()
                .onlyDependOnClassesThat(RUNTIME.or(SDK)
                        .or(PLAIN_JAVA)
                        .or(resideInAnyPackage(
                                "io.temporal..",
                                "com.google.protobuf..",
                                "com.fasterxml.jackson..",
                                "org.slf4j..",
                                // a standalone worker's /metrics: Temporal's reporter, Micrometer, the JDK's server
                                "com.uber.m3..",
                                "io.micrometer..",
                                "com.sun.net.httpserver..")))
                .check(classes);
    }

    @Test
    void theExampleProductNeedsOnlyTheSdkAndTheRuntime() {
        classes()
                .that()
                .resideInAPackage("dev.dsrflow.productworker.example..")
                .should()
                .onlyDependOnClassesThat(SDK.or(RUNTIME)
                        .or(PLAIN_JAVA)
                        .or(resideInAnyPackage(
                                "dev.dsrflow.productworker.example..",
                                "com.fasterxml.jackson..",
                                "org.owasp.encoder..")))
                .check(classes);
    }

    /** Classes (and arrays of them) loaded from a module's build output or from its installed jar. */
    private static DescribedPredicate<JavaClass> module(String name) {
        Pattern location = Pattern.compile(
                "/(" + Pattern.quote(name) + "/target/classes/|dsrflow-" + Pattern.quote(name) + "-\\d[^/]*\\.jar!)");
        return DescribedPredicate.describe(
                "in module " + name,
                c -> c.getBaseComponentType()
                        .getSource()
                        .map(s -> location.matcher(s.getUri().toString()).find())
                        .orElse(false));
    }

    private static String[] concat(String[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(String[]::new);
    }
}
