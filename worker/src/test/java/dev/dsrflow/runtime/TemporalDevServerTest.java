package dev.dsrflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the run command finds the real server's binary: {@code DSRFLOW_TEMPORAL_CLI}, else the
 * project's tools folder (from the working directory upward), else {@code PATH}; and what a
 * run that needs it says when there is none.
 */
class TemporalDevServerTest {
    @TempDir
    Path dir;

    private Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theConfiguredBinaryWinsThenTheProjectsToolsFolderUpwardThenPath() throws Exception {
        Path configured = executable(dir.resolve("elsewhere").resolve("temporal"));
        Path project = dir.resolve("project");
        Path tools = executable(project.resolve(TemporalDevServer.PROJECT_CLI));
        Path module = Files.createDirectories(project.resolve("worker"));
        Path onPath = executable(dir.resolve("path-bin").resolve("temporal"));
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Map<String, String> path = Map.of("PATH", "/nonexistent:" + onPath.getParent());

        assertThat(TemporalDevServer.findBinary(
                        Map.of("DSRFLOW_TEMPORAL_CLI", configured.toString(), "PATH", path.get("PATH")), module))
                .contains(configured);
        assertThat(TemporalDevServer.findBinary(path, module))
                .as("from a module of the project")
                .contains(tools);
        assertThat(TemporalDevServer.findBinary(path, outside))
                .as("outside the project")
                .contains(onPath);
        assertThat(TemporalDevServer.findBinary(Map.of("PATH", "/nonexistent"), outside))
                .isEmpty();
    }

    @Test
    void aConfiguredBinaryThatIsNotThereIsNotReplacedByAnotherAndARunThatNeedsItSaysWhatIsMissing() {
        Map<String, String> env =
                Map.of("DSRFLOW_TEMPORAL_CLI", dir.resolve("gone").toString(), "PATH", System.getenv("PATH"));

        assertThat(TemporalDevServer.findBinary(env)).isEmpty();
        assertThatThrownBy(() -> TemporalDevServer.requireBinary(env))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DSRFLOW_TEMPORAL_CLI names " + dir.resolve("gone"))
                .hasMessageContaining("run bin/install-test-tools")
                .hasMessageContaining(TemporalDevServer.PROJECT_CLI.toString());
    }

    @Test
    void theRunCommandStopsAtStartWhenDsrflowTemporalCliNamesNoBinaryInsteadOfFallingBack() {
        Map<String, String> env =
                Map.of("DSRFLOW_TEMPORAL_CLI", dir.resolve("gone").toString());
        Map<String, Object> props = Map.of(
                "dsrflow.data-dir", dir.resolve("data").toString(),
                "dsrflow.embedded.temporal-port", LocalPorts.next(),
                "micronaut.server.port", LocalPorts.next());

        assertThatThrownBy(() -> Dsrflow.start(ProcessRole.ALL, env, props))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DSRFLOW_TEMPORAL_CLI names " + dir.resolve("gone"));
    }
}
