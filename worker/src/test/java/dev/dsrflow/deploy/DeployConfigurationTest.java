package dev.dsrflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/ cannot be run here (no Docker engine, no cluster), so its files are checked for what
 * breaks a real deployment: they parse, reference only images, files, secrets, config maps and
 * ports that exist, run as non-root, probe /health, and use only documented variables.
 */
class DeployConfigurationTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final String IMAGE = "dsrflow:0.1.0";
    private static final Pattern README_VAR = Pattern.compile("^\\| `([A-Z0-9_]+)` \\|", Pattern.MULTILINE);

    private static Set<String> documentedVariables() throws IOException {
        Set<String> vars = new HashSet<>();
        Matcher m = README_VAR.matcher(Files.readString(ROOT.resolve("README.md")));
        while (m.find()) {
            vars.add(m.group(1));
        }
        return vars;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static List<Map<String, Object>> k8sDocuments() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        Map<String, Object> kustomization = new Yaml().load(Files.readString(DEPLOY.resolve("k8s/kustomization.yaml")));
        for (Object resource : list(kustomization.get("resources"))) {
            Path file = DEPLOY.resolve("k8s").resolve(resource.toString());
            assertThat(file).as("kustomization resource %s", resource).exists();
            for (Object doc : new Yaml().loadAll(Files.readString(file))) {
                if (doc != null) {
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    /** The Secrets the Deployments expect, from the example that {@code kubectl apply -k} does not apply. */
    private static List<Map<String, Object>> exampleSecrets() throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(DEPLOY.resolve("k8s/secret.example.yaml")))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return ofKind(docs, "Secret");
    }

    private static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    private static String name(Map<String, Object> doc) {
        return map(doc.get("metadata")).get("name").toString();
    }

    @Test
    void everyEnvironmentVariableTheDeploymentSetsIsDocumentedAndRead() throws IOException {
        Set<String> documented = documentedVariables();
        assertThat(documented).contains("TEMPORAL_ADDRESS", "DATASOURCES_DEFAULT_URL", "DSRFLOW_CODEC_KEYS");
        Set<String> used = new HashSet<>();
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
        used.addAll(map(compose.get("x-dsrflow-env")).keySet());
        used.addAll(map(compose.get("x-dsrflow-secrets")).keySet());
        for (Map<String, Object> cm : ofKind(k8sDocuments(), "ConfigMap")) {
            used.addAll(map(cm.get("data")).keySet());
        }
        for (Map<String, Object> secret : exampleSecrets()) {
            used.addAll(map(secret.get("stringData")).keySet());
        }
        assertThat(documented)
                .as("variables set in deploy/ but missing from the README table")
                .containsAll(used);

        String sources = allConfigurationText();
        for (String var : documented) {
            if (var.startsWith("MICRONAUT_")) {
                continue; // read by Micronaut itself
            }
            boolean read = sources.contains("${" + var + ":")
                    || sources.contains("${" + var + "}")
                    || sources.contains("\"" + var + "\"");
            assertThat(read)
                    .as("documented variable %s is read by dsrflow (a ${%s:…} placeholder or the runtime)", var, var)
                    .isTrue();
        }
    }

    @Test
    void composeRunsTheThreeRolesFromTheOneImageAgainstItsOwnServices() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services)
                .containsKeys(
                        "postgresql",
                        "temporal",
                        "temporal-ui",
                        "dsrflow-api",
                        "dsrflow-orchestrator",
                        "dsrflow-products");
        Set<String> roles = new HashSet<>();
        for (String name : List.of("dsrflow-api", "dsrflow-orchestrator", "dsrflow-products")) {
            Map<String, Object> service = map(services.get(name));
            assertThat(service.get("image")).isEqualTo(IMAGE);
            roles.add(list(service.get("command")).get(0).toString());
            for (Object dependency : dependencies(service)) {
                assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency.toString());
            }
        }
        assertThat(roles).containsExactlyInAnyOrder("api", "orchestrator", "products");
        Map<String, Object> build = map(map(services.get("dsrflow-api")).get("build"));
        assertThat(DEPLOY.resolve("compose")
                        .resolve(build.get("context").toString())
                        .resolve(build.get("dockerfile").toString()))
                .exists();
        assertThat(map(compose.get("x-dsrflow-env")).get("TEMPORAL_ADDRESS")).isEqualTo("temporal:7233");
        assertThat(map(compose.get("x-dsrflow-env"))
                        .get("DATASOURCES_DEFAULT_URL")
                        .toString())
                .contains("//postgresql:5432/");
        assertThat(DEPLOY.resolve("compose/initdb")).isDirectory();
        assertThat(DEPLOY.resolve("compose/.env.example")).exists();
    }

    private static List<Object> dependencies(Map<String, Object> service) {
        Object deps = service.get("depends_on");
        if (deps instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        return list(deps);
    }

    @Test
    void theImageRunsAsNonRootFromWhatTheBuildProduces() throws IOException {
        String dockerfile = Files.readString(DEPLOY.resolve("docker/Dockerfile"));
        assertThat(dockerfile).containsPattern("(?m)^USER 10001");
        assertThat(dockerfile).contains("COPY worker/target/dsrflow.jar").contains("COPY worker/target/lib/");
        String workerPom = Files.readString(ROOT.resolve("worker/pom.xml"));
        assertThat(workerPom)
                .contains("<finalName>dsrflow</finalName>")
                .contains("<outputDirectory>${project.build.directory}/lib</outputDirectory>");
    }

    @Test
    void kubernetesDeploymentsReferenceOnlyWhatExistsAndProbeHealth() throws IOException {
        List<Map<String, Object>> docs = k8sDocuments();
        Set<String> configMaps = new HashSet<>(ofKind(docs, "ConfigMap").stream()
                .map(DeployConfigurationTest::name)
                .toList());
        Set<String> secrets = new HashSet<>(
                exampleSecrets().stream().map(DeployConfigurationTest::name).toList());
        List<Map<String, Object>> deployments = ofKind(docs, "Deployment");
        assertThat(deployments)
                .extracting(DeployConfigurationTest::name)
                .containsExactlyInAnyOrder("dsrflow-api", "dsrflow-orchestrator", "dsrflow-products");
        for (Map<String, Object> d : deployments) {
            Map<String, Object> pod =
                    map(map(map(d.get("spec")).get("template")).get("spec"));
            assertThat(map(pod.get("securityContext")).get("runAsNonRoot"))
                    .as(name(d))
                    .isEqualTo(true);
            for (Object c : list(pod.get("containers"))) {
                Map<String, Object> container = map(c);
                assertThat(container.get("image")).isEqualTo(IMAGE);
                Set<String> ports = new HashSet<>();
                for (Object p : list(container.get("ports"))) {
                    ports.add(map(p).get("name").toString());
                    assertThat(map(p).get("containerPort")).isEqualTo(8080);
                }
                for (var probe : Map.of("readinessProbe", "/health/readiness", "livenessProbe", "/health/liveness")
                        .entrySet()) {
                    Map<String, Object> get =
                            map(map(container.get(probe.getKey())).get("httpGet"));
                    assertThat(get.get("path"))
                            .as("%s of %s", probe.getKey(), name(d))
                            .isEqualTo(probe.getValue());
                    assertThat(ports).contains(get.get("port").toString());
                }
                assertThat(map(container.get("resources")).get("requests")).isNotNull();
                for (Object from : list(container.get("envFrom"))) {
                    Map<String, Object> ref = map(from);
                    if (ref.containsKey("configMapRef")) {
                        assertThat(configMaps)
                                .contains(
                                        map(ref.get("configMapRef")).get("name").toString());
                    }
                    if (ref.containsKey("secretRef")) {
                        assertThat(secrets)
                                .contains(map(ref.get("secretRef")).get("name").toString());
                    }
                }
            }
        }
        assertThat(ofKind(docs, "HorizontalPodAutoscaler"))
                .extracting(h -> map(map(h.get("spec")).get("scaleTargetRef")).get("name"))
                .containsExactlyInAnyOrder("dsrflow-orchestrator", "dsrflow-products");
    }

    @Test
    void everyPodRunsUnderTheRuntimeDefaultSeccompProfileWithoutAServiceAccountToken() throws IOException {
        for (Map<String, Object> d : ofKind(k8sDocuments(), "Deployment")) {
            Map<String, Object> pod =
                    map(map(map(d.get("spec")).get("template")).get("spec"));
            assertThat(pod.get("automountServiceAccountToken")).as(name(d)).isEqualTo(false);
            assertThat(map(map(pod.get("securityContext")).get("seccompProfile"))
                            .get("type"))
                    .as(name(d))
                    .isEqualTo("RuntimeDefault");
        }
    }

    @Test
    void applyingTheKustomizationNeverOverwritesRealSecrets() throws IOException {
        assertThat(ofKind(k8sDocuments(), "Secret")).isEmpty();
        Map<String, Object> kustomization = new Yaml().load(Files.readString(DEPLOY.resolve("k8s/kustomization.yaml")));
        assertThat(list(kustomization.get("resources"))).doesNotContain("secret.example.yaml");
        assertThat(DEPLOY.resolve("k8s/secret.yaml")).doesNotExist();
        assertThat(exampleSecrets()).extracting(DeployConfigurationTest::name).isNotEmpty();
    }

    @Test
    void productWorkersReceiveTheCodecKeysAndNoOtherDsrflowSecret() throws IOException {
        Set<String> othersOnly =
                Set.of("DSRFLOW_SUBJECT_KEY_SECRET", "DSRFLOW_LINK_SECRET", "DSRFLOW_CERTIFICATE_KEYS");
        Map<String, Map<String, Object>> secrets = new java.util.HashMap<>();
        for (Map<String, Object> secret : exampleSecrets()) {
            secrets.put(name(secret), map(secret.get("stringData")));
        }
        for (Map<String, Object> d : ofKind(k8sDocuments(), "Deployment")) {
            Set<String> received = new HashSet<>();
            Map<String, Object> pod =
                    map(map(map(d.get("spec")).get("template")).get("spec"));
            for (Object c : list(pod.get("containers"))) {
                for (Object from : list(map(c).get("envFrom"))) {
                    if (map(from).containsKey("secretRef")) {
                        received.addAll(secrets.get(map(map(from).get("secretRef"))
                                        .get("name")
                                        .toString())
                                .keySet());
                    }
                }
            }
            assertThat(received).as(name(d)).contains("DSRFLOW_CODEC_KEYS");
            if (name(d).equals("dsrflow-products")) {
                assertThat(received).as(name(d)).doesNotContainAnyElementsOf(othersOnly);
            } else {
                assertThat(received).as(name(d)).containsAll(othersOnly);
            }
        }
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
        Map<String, Object> products =
                map(map(map(compose.get("services")).get("dsrflow-products")).get("environment"));
        assertThat(products).containsKey("DSRFLOW_CODEC_KEYS").doesNotContainKeys(othersOnly.toArray(String[]::new));
        Map<String, Object> orchestrator = map(
                map(map(compose.get("services")).get("dsrflow-orchestrator")).get("environment"));
        assertThat(orchestrator).containsKeys(othersOnly.toArray(String[]::new));
    }

    @Test
    void composeStartsTheApiWithUsersThatCanLogIn() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(DEPLOY.resolve("compose/compose.yaml")));
        Map<String, Object> api =
                map(map(map(compose.get("services")).get("dsrflow-api")).get("environment"));
        Map<String, String> env = new java.util.HashMap<>();
        api.forEach((k, v) -> env.put(k, String.valueOf(v)));
        String dotEnv = Files.readString(DEPLOY.resolve("compose/.env.example"));
        Map<String, Set<String>> rolesByUser = new java.util.TreeMap<>();
        Matcher user = Pattern.compile("^DSRFLOW_SECURITY_USERS_([A-Z0-9]+)_PASSWORD_HASH$")
                .matcher("");
        for (String key : env.keySet()) {
            if (user.reset(key).matches()) {
                String name = user.group(1);
                Matcher fromDotEnv =
                        Pattern.compile("^\\$\\{(\\w+)(:\\?[^}]*)?}$").matcher(env.get(key));
                assertThat(fromDotEnv.matches()).as("%s comes from .env", key).isTrue();
                assertThat(dotEnv)
                        .as(".env.example sets %s", fromDotEnv.group(1))
                        .containsPattern("(?m)^" + fromDotEnv.group(1) + "=\\S+");
                rolesByUser.put(
                        name.toLowerCase(java.util.Locale.ROOT),
                        Set.of(env.getOrDefault("DSRFLOW_SECURITY_USERS_" + name + "_ROLES", "")
                                .split(",")));
            }
        }
        assertThat(rolesByUser)
                .as("API.md's users, each with its role")
                .containsEntry("ops", Set.of("PRIVACY_OPS"))
                .containsEntry("ops2", Set.of("PRIVACY_OPS"))
                .containsEntry("legal", Set.of("LEGAL"))
                .containsEntry("legal2", Set.of("LEGAL"))
                .containsEntry("auditor", Set.of("AUDITOR"));
    }

    @Test
    void onlyTheApiIsReachableFromOutside() throws IOException {
        List<Map<String, Object>> policies = ofKind(k8sDocuments(), "NetworkPolicy");
        Map<String, Object> denyAll = policies.stream()
                .filter(p -> map(map(p.get("spec")).get("podSelector")).isEmpty())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no default-deny NetworkPolicy"));
        assertThat(map(denyAll.get("spec")).get("ingress")).isNull();
        List<Map<String, Object>> allows = policies.stream()
                .filter(p -> map(p.get("spec")).get("ingress") != null)
                .toList();
        assertThat(allows).hasSize(1);
        Map<String, Object> selector =
                map(map(map(allows.get(0).get("spec")).get("podSelector")).get("matchLabels"));
        assertThat(selector.get("app.kubernetes.io/component")).isEqualTo("api");
        assertThat(ofKind(k8sDocuments(), "Service"))
                .extracting(DeployConfigurationTest::name)
                .containsExactly("dsrflow-api");
    }

    @Test
    void theRegistrationScriptRegistersExactlyTheSearchAttributesTheWorkflowsPublish() throws IOException {
        Map<String, String> registered = new java.util.HashMap<>();
        Matcher m = Pattern.compile("(?m)^register (\\w+) (\\w+)$")
                .matcher(Files.readString(DEPLOY.resolve("temporal/register-search-attributes.sh")));
        while (m.find()) {
            registered.put(m.group(1), m.group(2));
        }
        assertThat(registered).isEqualTo(dev.dsrflow.temporal.SearchAttributeNames.TYPES);
    }

    private static String allConfigurationText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path p : files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().contains("/src/main/"))
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".yml"))
                    .toList()) {
                text.append(Files.readString(p)).append('\n');
            }
        }
        return text.toString();
    }
}
