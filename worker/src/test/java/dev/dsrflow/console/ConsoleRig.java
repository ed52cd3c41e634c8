package dev.dsrflow.console;

import dev.dsrflow.runtime.Dsrflow;
import dev.dsrflow.runtime.LocalPorts;
import dev.dsrflow.runtime.ProcessRole;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * What a console test runs against: the runtime started as the README starts it (on free ports,
 * with the test's settings), the API with the demo users' Basic credentials, and the browser.
 */
record ConsoleRig(Dsrflow dsrflow, BasicApi api, ConsoleBrowser browser) implements AutoCloseable {

    static ConsoleRig start(Path dataDir, Map<String, Object> settings) throws IOException {
        Map<String, Object> properties = new HashMap<>(settings);
        properties.put("dsrflow.data-dir", dataDir.toString());
        properties.put("dsrflow.embedded.temporal-port", LocalPorts.next());
        properties.put("micronaut.server.port", LocalPorts.next());
        Dsrflow dsrflow = Dsrflow.start(ProcessRole.ALL, Map.of(), properties);
        String base = "http://localhost:" + dsrflow.httpPort();
        try {
            return new ConsoleRig(dsrflow, new BasicApi(base), new ConsoleBrowser(base));
        } catch (RuntimeException e) {
            dsrflow.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            dsrflow.close();
        }
    }
}
