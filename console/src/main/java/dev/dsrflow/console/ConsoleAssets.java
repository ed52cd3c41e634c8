package dev.dsrflow.console;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * The console's static files, from the jar: its stylesheet and script, and htmx from its webjar
 * (the version read from the webjar itself, so upgrading is a pom change).
 */
@Controller("/console/assets")
@Secured(SecurityRule.IS_ANONYMOUS)
class ConsoleAssets {
    private static final Map<String, String> TYPES =
            Map.of("css", "text/css; charset=utf-8", "js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    ConsoleAssets() {
        String htmx = "META-INF/resources/webjars/htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js";
        this.files = Map.of(
                "console.css", read("console-assets/console.css"),
                "console.js", read("console-assets/console.js"),
                "htmx.min.js", read(htmx));
    }

    @Get("/{file}")
    HttpResponse<byte[]> file(@PathVariable String file) {
        byte[] body = files.get(file);
        if (body == null) {
            return HttpResponse.notFound();
        }
        String extension = file.substring(file.lastIndexOf('.') + 1);
        return HttpResponse.ok(body)
                .contentType(MediaType.of(TYPES.get(extension)))
                .header("Cache-Control", "public, max-age=3600");
    }

    private static String webjarVersion(String artifact) {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String path) {
        try (InputStream in = resource(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing console resource " + path);
        }
        return in;
    }
}
