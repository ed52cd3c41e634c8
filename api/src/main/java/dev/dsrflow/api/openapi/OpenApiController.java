package dev.dsrflow.api.openapi;

import dev.dsrflow.api.problem.ProblemException;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import java.net.URL;

/**
 * Serves the OpenAPI document generated at compile time ({@code /openapi}, YAML) and a
 * browsable Redoc page over it ({@code /openapi/ui}), without credentials.
 */
@Controller("/openapi")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
class OpenApiController {
    static final MediaType YAML = MediaType.of("application/yaml");
    private static final String VIEWS = "classpath:META-INF/swagger/views/redoc/";

    private final ResourceResolver resources;

    OpenApiController(ResourceResolver resources) {
        this.resources = resources;
    }

    @Get
    HttpResponse<StreamedFile> document() {
        return serve("classpath:" + ApiDocumentation.DOCUMENT, YAML);
    }

    /** The Redoc page asks for the document next to itself. */
    @Get("/ui/dsrflow-1.yml")
    HttpResponse<StreamedFile> documentForUi() {
        return document();
    }

    @Get("/ui")
    HttpResponse<StreamedFile> ui() {
        return serve(VIEWS + "index.html", MediaType.TEXT_HTML_TYPE);
    }

    @Get("/ui/res/redoc.standalone.js")
    HttpResponse<StreamedFile> script() {
        return serve(VIEWS + "res/redoc.standalone.js", MediaType.of("text/javascript"));
    }

    private HttpResponse<StreamedFile> serve(String location, MediaType type) {
        URL url = resources
                .getResource(location)
                .orElseThrow(() -> ProblemException.notFound("The OpenAPI document was not generated"));
        return HttpResponse.ok(new StreamedFile(url)).contentType(type);
    }
}
