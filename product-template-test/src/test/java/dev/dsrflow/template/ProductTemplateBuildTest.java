package dev.dsrflow.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A product team's first hour, in a scratch directory outside the repository: install dsrflow's
 * product artifacts (with their tests) into a private local repository, copy product-template,
 * build it offline against that repository and run its conformance kit. The template's handler is
 * a skeleton, so the kit must fail once per rule, naming the rule, and its test classpath must hold
 * nothing of Temporal, JDBC or AWS.
 *
 * <p>The private repository is filled from the developer's own local repository through a
 * {@code file://} mirror (third-party artifacts only: dsrflow's snapshots there are never read),
 * so the test needs no network and never writes to the shared one.
 */
class ProductTemplateBuildTest {
    private static final Path REPO_ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> INSTALLED =
            List.of("bom", "product-sdk", "product-sdk-testkit", "product-runtime");
    private static final Pattern TESTCASE =
            Pattern.compile("<testcase name=\"([^\"]+)\"[^>]*?(/>|>(.*?)</testcase>)", Pattern.DOTALL);

    private static Path scratch;
    private static Path repository;
    private static Path settings;
    private static Path template;
    private static int compileExit;
    private static int templateExit;

    @BeforeAll
    static void installDsrflowThenBuildTheTemplate() throws Exception {
        scratch = Files.createTempDirectory("dsrflow-template-");
        repository = scratch.resolve("repository");
        settings = scratch.resolve("settings.xml");
        Path shared = Path.of(System.getProperty("user.home"), ".m2", "repository");
        Files.writeString(
                settings,
                "<settings><localRepository>" + repository + "</localRepository><mirrors><mirror><id>seed</id>"
                        + "<mirrorOf>*</mirrorOf><url>" + shared.toUri() + "</url></mirror></mirrors></settings>");

        Path dsrflow = scratch.resolve("dsrflow");
        copyDsrflowSources(dsrflow);
        int installed = mvn(
                dsrflow,
                "mvn.log",
                "install",
                "-pl",
                ".," + String.join(",", INSTALLED),
                "-Dspotless.check.skip=true",
                // one quick test of the kit (the outer build runs them all): it resolves the JUnit
                // provider a team's first test run needs, so the template then builds offline
                "-Dtest=ConformanceKitTest#aManualProductOnlyHasItsDescriptorChecked",
                "-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(installed)
                .as("mvn install of dsrflow's product artifacts (log: %s)", dsrflow.resolve("mvn.log"))
                .isZero();

        template = scratch.resolve("my-product");
        copyTree(REPO_ROOT.resolve("product-template"), template);
        // the worker module only compiles in a build of its own: `mvn test` stops at the handler's red kit
        compileExit = mvn(template, "mvn-compile.log", "-o", "test-compile");
        templateExit = mvn(template, "mvn.log", "-o", "test");
    }

    @AfterAll
    static void removeScratch() throws IOException {
        if (scratch != null) {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void theWholeTemplateWorkerIncludedCompilesOffline() {
        assertThat(compileExit)
                .as("mvn -o test-compile of the template (log: %s)", template.resolve("mvn-compile.log"))
                .isZero();
        assertThat(template.resolve("worker/target/classes/com/example/myproduct/MyProductWorker.class"))
                .as("the worker's main, compiled against ProductWorkerApp of dsrflow-product-runtime")
                .isRegularFile();
    }

    @Test
    void theSkeletonsKitFailsOncePerRuleAndEachFailureNamesItsRule() throws IOException {
        Map<String, String> cases = testcases();

        assertThat(templateExit).as("the kit runs red on a skeleton").isNotZero();
        assertThat(cases)
                .as("the template's handler was built offline and its kit ran")
                .hasSizeGreaterThan(20);
        List<String> passed = new ArrayList<>();
        cases.forEach((name, body) -> {
            if (body.contains("<skipped")) {
                return; // a rule the skeleton does not declare (RESOLVE: it owns no identity)
            }
            if (!body.contains("<failure")) {
                passed.add(name);
                return;
            }
            Matcher failure = Pattern.compile("<failure message=\"conformance rule ([A-Z_]+) \\(")
                    .matcher(body);
            assertThat(failure.find())
                    .as("the failure of %s names its rule: %s", name, body)
                    .isTrue();
            assertThat(body)
                    .as("the failure of %s says what the handler did", name)
                    .contains("observed: ")
                    .contains("not implemented yet")
                    .contains("see: docs/product-sdk.md#" + failure.group(1).toLowerCase());
        });
        // the descriptor is data the skeleton already declares; every behaviour is still to write
        assertThat(passed).containsExactly("descriptorIsValid");
    }

    @Test
    void theTemplatesTestClasspathHoldsNoTemporalJdbcOrAws() throws IOException {
        String report = Files.readString(report());
        Matcher classpath = Pattern.compile("name=\"surefire.test.class.path\" value=\"([^\"]*)\"")
                .matcher(report);
        assertThat(classpath.find()).isTrue();
        List<String> jars = Arrays.stream(classpath.group(1).split(File.pathSeparator))
                .map(p -> Path.of(p).getFileName().toString())
                .toList();

        assertThat(jars).anyMatch(j -> j.startsWith("dsrflow-product-sdk-0.1.0"));
        assertThat(jars)
                .noneMatch(j -> j.startsWith("temporal-") || j.startsWith("grpc-") || j.startsWith("protobuf-"))
                .noneMatch(j -> j.startsWith("postgresql-") || j.startsWith("HikariCP") || j.startsWith("flyway-"))
                .noneMatch(j -> j.contains("awssdk") || j.startsWith("s3-") || j.startsWith("aws-"))
                .noneMatch(j -> j.startsWith("micronaut-"));
        assertThat(jars).as("a small classpath: %s", jars).hasSizeLessThan(20);
    }

    @Test
    void theBomPinsTheVersionsDsrflowIsBuiltAndTestedWith() throws IOException {
        String bom = Files.readString(REPO_ROOT.resolve("bom/pom.xml"));
        Map<String, String> properties = new LinkedHashMap<>();
        Matcher property = Pattern.compile("<([a-z0-9.]+\\.version)>([^<]+)</").matcher(bom);
        while (property.find()) {
            properties.put(property.group(1), property.group(2));
        }
        Map<String, String> pinned = new LinkedHashMap<>();
        Matcher managed = Pattern.compile("<artifactId>([^<]+)</artifactId><version>([^<]+)</version>(?!<type>pom)")
                .matcher(bom);
        while (managed.find()) {
            String version = managed.group(2);
            for (Map.Entry<String, String> p : properties.entrySet()) {
                version = version.replace("${" + p.getKey() + "}", p.getValue());
            }
            pinned.put(managed.group(1), version);
        }
        // this module's test classpath is resolved by dsrflow's own build: the kit, the runtime, AssertJ
        Map<String, String> resolved = new LinkedHashMap<>();
        for (String entry : System.getProperty("surefire.test.class.path", "").split(File.pathSeparator)) {
            String jar = Path.of(entry).getFileName().toString();
            pinned.keySet().stream()
                    .filter(a -> jar.startsWith(a + "-") && jar.endsWith(".jar"))
                    .filter(a -> Character.isDigit(jar.charAt(a.length() + 1)))
                    .forEach(a -> resolved.put(a, jar.substring(a.length() + 1, jar.length() - ".jar".length())));
        }

        assertThat(resolved).as("the BOM pins most of what dsrflow resolves").hasSizeGreaterThan(25);
        resolved.forEach((artifact, version) -> assertThat(pinned.get(artifact))
                .as("the BOM's version of %s", artifact)
                .isEqualTo(version));
        assertThat(bom)
                .contains("<jackson.version>" + resolvedVersion("jackson-databind") + "<")
                .contains("<junit.version>" + resolvedVersion("junit-jupiter-api") + "<");
    }

    private static String resolvedVersion(String artifact) {
        for (String entry : System.getProperty("surefire.test.class.path", "").split(File.pathSeparator)) {
            String jar = Path.of(entry).getFileName().toString();
            if (jar.startsWith(artifact + "-") && Character.isDigit(jar.charAt(artifact.length() + 1))) {
                return jar.substring(artifact.length() + 1, jar.length() - ".jar".length());
            }
        }
        throw new AssertionError(artifact + " is not on this module's test classpath");
    }

    private static Path report() throws IOException {
        Path reports = template.resolve("handler/target/surefire-reports");
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(p -> p.getFileName().toString().startsWith("TEST-"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private static Map<String, String> testcases() throws IOException {
        Map<String, String> cases = new LinkedHashMap<>();
        Matcher m = TESTCASE.matcher(Files.readString(report()));
        while (m.find()) {
            cases.put(m.group(1), m.group(3) == null ? "" : m.group(3));
        }
        return cases;
    }

    /** dsrflow as a team checks it out: every module's pom (Maven reads them all), the installed modules' sources. */
    private static void copyDsrflowSources(Path target) throws IOException {
        Files.createDirectories(target);
        Files.copy(REPO_ROOT.resolve("pom.xml"), target.resolve("pom.xml"));
        try (Stream<Path> modules = Files.list(REPO_ROOT)) {
            for (Path module :
                    modules.filter(p -> Files.exists(p.resolve("pom.xml"))).toList()) {
                String name = module.getFileName().toString();
                Files.createDirectories(target.resolve(name));
                Files.copy(module.resolve("pom.xml"), target.resolve(name).resolve("pom.xml"));
                if (INSTALLED.contains(name) && Files.isDirectory(module.resolve("src"))) {
                    copyTree(module.resolve("src"), target.resolve(name).resolve("src"));
                }
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.filter(p -> !from.relativize(p).toString().startsWith("target"))
                    .forEach(p -> {
                        try {
                            Path dest = to.resolve(from.relativize(p).toString());
                            if (Files.isDirectory(p)) {
                                Files.createDirectories(dest);
                            } else {
                                Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                            }
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        }
    }

    private static int mvn(Path dir, String log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-s", settings.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve(log).toFile())
                .start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("mvn " + String.join(" ", args) + " in " + dir + " took over 5 minutes");
        }
        return process.exitValue();
    }
}
